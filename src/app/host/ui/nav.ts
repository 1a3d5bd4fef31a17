/** The console's place, in the query string of /host: ?event=<id>&tab=<tab>. */
export const TABS = [
  { id: "setup", label: "Setup" },
  { id: "roster", label: "Passes" },
  { id: "devices", label: "Devices" },
  { id: "live", label: "Live" },
  { id: "report", label: "Report" },
] as const;
export type TabId = (typeof TABS)[number]["id"];

export interface Place {
  eventId: string | null;
  tab: TabId;
}

export function readPlace(search: string): Place {
  const q = new URLSearchParams(search);
  const tab = q.get("tab");
  return { eventId: q.get("event"), tab: TABS.some((t) => t.id === tab) ? (tab as TabId) : "setup" };
}

export function placeUrl(place: Place): string {
  const q = new URLSearchParams();
  if (place.eventId) {
    q.set("event", place.eventId);
    q.set("tab", place.tab);
  }
  const s = q.toString();
  return s ? `/host?${s}` : "/host";
}
