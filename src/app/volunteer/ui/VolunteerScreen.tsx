import { useRef, useState, type KeyboardEvent } from "react";
import type { DeviceIdentity, EventSummary } from "../../commands/types.js";
import { SyncHeader } from "../../ui/shell/SyncHeader.js";
import { PickupTab } from "./PickupTab.js";
import { RecentTab } from "./RecentTab.js";
import { SellTab } from "./SellTab.js";
import { ShiftTab } from "./ShiftTab.js";
import "./volunteer.css";

const TABS = [
  { id: "sell", label: "Sell" },
  { id: "pickup", label: "Pickup" },
  { id: "recent", label: "Recent" },
  { id: "shift", label: "Close shift" },
] as const;
type TabId = (typeof TABS)[number]["id"];

/** The merch table and kit desk: four tabs under the same sync header as the door. */
export function VolunteerScreen({ device, event }: { device: DeviceIdentity; event: EventSummary | null }) {
  const [tab, setTab] = useState<TabId>("sell");
  const buttons = useRef(new Map<TabId, HTMLButtonElement>());
  // The WAI-ARIA tabs pattern: one tab stop for the list, arrows (and Home/End) move between tabs.
  const onKey = (e: KeyboardEvent): void => {
    const i = TABS.findIndex((t) => t.id === tab);
    const to = e.key === "ArrowRight" ? i + 1 : e.key === "ArrowLeft" ? i - 1 : e.key === "Home" ? 0 : e.key === "End" ? TABS.length - 1 : null;
    if (to === null) return;
    e.preventDefault();
    const next = TABS[(to + TABS.length) % TABS.length]!.id;
    setTab(next);
    buttons.current.get(next)?.focus();
  };
  return (
    <div className="screen volunteer-screen">
      <SyncHeader title={event ? `${device.label} · ${event.name}` : device.label} />
      <main>
        <h1 className="visually-hidden">Volunteer: {device.label}</h1>
        <div className="vol-tabs" role="tablist" aria-label="Volunteer tasks" onKeyDown={onKey}>
          {TABS.map((t) => (
            <button
              key={t.id}
              type="button"
              role="tab"
              id={`tab-${t.id}`}
              aria-selected={tab === t.id}
              tabIndex={tab === t.id ? 0 : -1}
              ref={(el) => {
                if (el) buttons.current.set(t.id, el);
                else buttons.current.delete(t.id);
              }}
              aria-controls={`panel-${t.id}`}
              className={`vol-tab${tab === t.id ? " vol-tab-active" : ""}`}
              onClick={() => setTab(t.id)}
            >
              {t.label}
            </button>
          ))}
        </div>
        <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} tabIndex={0}>
          {tab === "sell" && <SellTab />}
          {tab === "pickup" && <PickupTab />}
          {tab === "recent" && <RecentTab />}
          {tab === "shift" && <ShiftTab />}
        </div>
      </main>
    </div>
  );
}
