import type { DeviceIdentity } from "../../commands/types.js";
import { useUi } from "../store.js";

/** A device enrolled for a role whose screens this version does not have yet. */
export function RoleScreen({ device }: { device: DeviceIdentity }) {
  const navigate = useUi((s) => s.navigate);
  return (
    <main className="screen narrow">
      <h1>Doorlist</h1>
      <p>
        This device is enrolled as “{device.label}” with the {device.role} role. This version of the app only has the door
        screen; ask the host for a door enrollment link, or update the app.
      </p>
      <button type="button" className="button secondary" onClick={() => navigate("/settings")}>
        Settings
      </button>
    </main>
  );
}
