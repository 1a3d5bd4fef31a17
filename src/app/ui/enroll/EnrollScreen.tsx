import { useState, type FormEvent } from "react";
import { send, startSync } from "../../commands/index.js";
import type { RosterProgress } from "../../commands/types.js";
import { errorMessage } from "../format.js";
import { useUi } from "../store.js";
import { WelcomeScreen } from "../shell/WelcomeScreen.js";
import { RosterProgressBar } from "./RosterProgressBar.js";

const DEFAULT_LABEL = "Door 1";

/**
 * Opening an enrollment link: name this device, enroll it, and load the guest list while the
 * network is still here. The door screen opens when the list is on the device.
 */
export function EnrollScreen({ code }: { code: string | null }) {
  const identity = useUi((s) => s.identity);
  const setIdentity = useUi((s) => s.setIdentity);
  const navigate = useUi((s) => s.navigate);
  const [label, setLabel] = useState(DEFAULT_LABEL);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<RosterProgress | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  if (!code) return <WelcomeScreen />;
  if (identity.status === "enrolled") {
    return (
      <main className="screen narrow">
        <h1>Already set up</h1>
        <p>
          This device is enrolled as “{identity.device.label}”. To enroll it again with this link, wipe it in Settings first.
        </p>
        <button type="button" className="button" onClick={() => navigate("/", { replace: true })}>
          Open the door screen
        </button>
      </main>
    );
  }

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    const name = label.trim();
    if (!name) {
      setProblem("Give this device a name staff will recognise, like “Door 1”.");
      return;
    }
    setBusy(true);
    setProblem(null);
    setProgress({ passes: 0, bytes: 0, done: false });
    // Asked during a tap, when browsers are most willing to grant it: without it the browser may
    // clear the guest list and unsent scans when storage runs low.
    void navigator.storage?.persist?.().catch(() => false);
    try {
      const device = await send("device/enroll", { code, label: name, onProgress: setProgress });
      // Automatic sync starts only now that there is an identity: started earlier, its timer
      // could begin a second roster download in the middle of this one.
      startSync();
      // The roster is in; one full sync also pulls what other doors recorded, so the door screen
      // opens knowing who is already inside. It never rejects: a failure shows in the header.
      await send("sync/now", undefined);
      const loaded = await send("device/get", undefined);
      setIdentity({ status: "enrolled", device: loaded?.device ?? device, event: loaded?.event ?? null });
      navigate("/", { replace: true });
    } catch (err) {
      setProblem(errorMessage(err));
      setBusy(false);
    }
  };

  return (
    <main className="screen narrow">
      <h1>Set up this device</h1>
      <form className="panel" onSubmit={(e) => void submit(e)}>
        <label htmlFor="device-label">Name for this device</label>
        <input id="device-label" value={label} onChange={(e) => setLabel(e.target.value)} disabled={busy} maxLength={40} />
        <p className="muted">Staff and the host see this name next to every check-in it records.</p>
        {problem && (
          <p className="error" role="alert">
            {problem}
          </p>
        )}
        <button type="submit" className="button" disabled={busy}>
          {busy ? "Enrolling…" : "Enroll this device"}
        </button>
      </form>
      {progress && <RosterProgressBar progress={progress} />}
    </main>
  );
}
