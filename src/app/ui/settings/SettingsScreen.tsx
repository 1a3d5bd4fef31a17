import { useUi } from "../store.js";
import { CheckInList } from "./CheckInList.js";
import { DeviceLabel } from "./DeviceLabel.js";
import { WipeDevice } from "./WipeDevice.js";

export function SettingsScreen() {
  const identity = useUi((s) => s.identity);
  const navigate = useUi((s) => s.navigate);
  if (identity.status !== "enrolled") {
    return (
      <main className="screen narrow">
        <h1>Settings</h1>
        <p>This device is not enrolled, so there is nothing to set yet.</p>
        <button type="button" className="button" onClick={() => navigate("/", { replace: true })}>
          Back
        </button>
      </main>
    );
  }
  return (
    <main className="screen narrow">
      <div className="row spread">
        <h1>Settings</h1>
        <button type="button" className="button secondary" onClick={() => navigate("/")}>
          Back to the door
        </button>
      </div>
      <DeviceLabel current={identity.device.label} />
      {identity.device.role === "door" && <CheckInList />}
      <WipeDevice />
    </main>
  );
}
