import { useState, type FormEvent } from "react";
import { send } from "../../commands/index.js";
import { errorMessage } from "../format.js";
import { useUi } from "../store.js";

export function DeviceLabel({ current }: { current: string }) {
  const setIdentity = useUi((s) => s.setIdentity);
  const [label, setLabel] = useState(current);
  const [state, setState] = useState<string | null>(null);
  const save = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    const name = label.trim();
    if (!name) {
      setState("The name cannot be empty.");
      return;
    }
    try {
      await send("device/set-label", { label: name });
      const loaded = await send("device/get", undefined);
      if (loaded) setIdentity({ status: "enrolled", device: loaded.device, event: loaded.event });
      setState("Saved.");
    } catch (err) {
      setState(errorMessage(err));
    }
  };
  return (
    <form className="panel" onSubmit={(e) => void save(e)}>
      <h2>This device</h2>
      <label htmlFor="settings-label">Name</label>
      <div className="row">
        <input id="settings-label" value={label} onChange={(e) => setLabel(e.target.value)} maxLength={40} />
        <button type="submit" className="button">
          Save name
        </button>
      </div>
      {state && (
        <p className="muted" role="status">
          {state}
        </p>
      )}
    </form>
  );
}
