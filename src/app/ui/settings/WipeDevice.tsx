import { useState } from "react";
import { send } from "../../commands/index.js";
import { errorMessage } from "../format.js";
import { useUi } from "../store.js";

/**
 * Removes everything from this device. While check-ins wait for the server it refuses, and says
 * how many would be lost; only a second, explicit tap wipes them anyway.
 */
export function WipeDevice() {
  const setIdentity = useUi((s) => s.setIdentity);
  const navigate = useUi((s) => s.navigate);
  const [pending, setPending] = useState<number | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const wipe = async (confirmLoss: boolean): Promise<void> => {
    setBusy(true);
    setProblem(null);
    try {
      const result = await send("device/wipe", { confirmLoss });
      if (result.wiped) {
        setIdentity({ status: "none" });
        navigate("/", { replace: true });
        return;
      }
      setPending(result.pending);
    } catch (err) {
      setProblem(errorMessage(err));
    }
    setBusy(false);
  };

  return (
    <section className="panel danger-zone" aria-labelledby="wipe-heading">
      <h2 id="wipe-heading">Wipe this device</h2>
      <p className="muted">Removes the guest list, this device's log and its enrollment. Do this when the event is over.</p>
      {pending === null ? (
        <button type="button" className="button danger" onClick={() => void wipe(false)} disabled={busy}>
          Wipe this device
        </button>
      ) : (
        <div role="alert" className="wipe-warning">
          <p>
            <strong>
              {pending} {pending === 1 ? "check-in has" : "check-ins have"} not reached the server and will be lost.
            </strong>{" "}
            Sync first if you can.
          </p>
          <div className="row">
            <button type="button" className="button danger" onClick={() => void wipe(true)} disabled={busy}>
              Wipe anyway and lose {pending}
            </button>
            <button type="button" className="button secondary" onClick={() => setPending(null)}>
              Cancel
            </button>
          </div>
        </div>
      )}
      {problem && (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
    </section>
  );
}
