import type { DeviceIdentity, EventSummary } from "../../commands/types.js";
import { SyncHeader } from "../shell/SyncHeader.js";
import { CapacityBanner } from "./CapacityBanner.js";
import { FindByName } from "./FindByName.js";
import { RecentScans } from "./RecentScans.js";
import { ScannerSlot } from "./ScannerSlot.js";
import { TypeCode } from "./TypeCode.js";
import { useQuery } from "./useQuery.js";
import { VerdictAnnouncer } from "./VerdictAnnouncer.js";
import { VerdictOverlay } from "./VerdictOverlay.js";

/** The screen door staff live in: the camera first, then the ways round it, then the last verdicts. */
export function DoorScreen({ device, event }: { device: DeviceIdentity; event: EventSummary | null }) {
  const counts = useQuery("door/counts");
  const settings = useQuery("door/settings");
  const exitMode = settings?.mode === "exit";
  return (
    <div className="screen door-screen">
      <SyncHeader title={event ? `${device.label} · ${event.name}` : device.label} />
      <main className="door-main">
        <h1 className="visually-hidden">Door: {device.label}</h1>
        {exitMode && (
          <p className="mode-banner" data-testid="exit-mode">
            Exit mode: scans check people out
          </p>
        )}
        <CapacityBanner counts={counts} />
        <ScannerSlot />
        <TypeCode />
        <FindByName />
        <RecentScans />
      </main>
      <VerdictOverlay />
      <VerdictAnnouncer />
    </div>
  );
}
