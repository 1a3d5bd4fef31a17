import type { Entry, EventInfo } from "../../sync/index.js";
import type { Sighting } from "../../sync/host.js";
import { type DeviceRow, type DeviceSummary, toDeviceSummary } from "../domain/devices.js";
import { getEvent } from "../domain/events.js";
import type { Sql } from "../storage/port.js";

export interface ReportEntry {
  entry: Entry;
  device: DeviceSummary;
  /** the device's clock corrected by its last known offset; the device clock when none is known */
  correctedAt: number;
  /** stored past a gap in the device's seq: not yet acknowledged or served */
  held: boolean;
  /** cancelled by a void entry */
  voided: boolean;
}

export interface PassFacts {
  holder: string;
  tier: string;
  revokedAt: number | null;
  revokeReason: string | null;
  /** what the pass entitles its holder to pick up, as issued */
  entitlements: Record<string, number>;
}

/** Everything a report section may look at, loaded once. Sections compute; they do not query. */
export interface ReportContext {
  event: EventInfo;
  generatedAt: number;
  devices: DeviceSummary[];
  /** every stored entry, in corrected-time order (ties by device and seq) */
  entries: ReportEntry[];
  passes: Map<string, PassFacts>;
  /** the catalog by sku, for the sales, stock and oversold sections */
  items: Map<string, ItemFacts>;
}

export interface ItemFacts {
  name: string;
  priceCents: number;
  stock: number;
}

export function correctedTime(at: number, device: Pick<DeviceSummary, "clockOffsetMs">): number {
  return at + (device.clockOffsetMs ?? 0);
}

export async function loadReportContext(sql: Sql, eventId: string): Promise<ReportContext> {
  const event = await getEvent(sql, eventId);
  const deviceRows = await sql.query<DeviceRow>(
    `SELECT id, role, label, created_at, revoked_at, last_sync_at, contiguous_seq, max_seq, held_count, clock_offset_ms
     FROM devices WHERE event_id = $1 ORDER BY created_at, id`,
    [eventId],
  );
  const devices = deviceRows.map(toDeviceSummary);
  const byId = new Map(devices.map((d) => [d.id, d]));
  const rows = await sql.query<{ device_id: string; seq: number; body: Entry }>(
    "SELECT device_id, seq, body FROM entries WHERE event_id = $1 ORDER BY device_id, seq",
    [eventId],
  );
  const voidedIds = new Set<string>();
  for (const r of rows) if (r.body.type === "void") voidedIds.add(r.body.data.voids);
  const entries = rows.map((r): ReportEntry => {
    const device = byId.get(r.device_id)!;
    return { entry: r.body, device, correctedAt: correctedTime(r.body.at, device), held: r.seq > device.ackedThroughSeq, voided: voidedIds.has(r.body.id) };
  });
  entries.sort((a, b) => a.correctedAt - b.correctedAt || (a.device.id < b.device.id ? -1 : a.device.id > b.device.id ? 1 : a.entry.seq - b.entry.seq));
  const passRows = await sql.query<{ id: string; holder: string; tier: string; revoked_at: number | null; revoke_reason: string | null; entitlements: Record<string, number> | null }>(
    "SELECT id, holder, tier, revoked_at, revoke_reason, entitlements FROM passes WHERE event_id = $1",
    [eventId],
  );
  const passes = new Map(passRows.map((p) => [p.id, { holder: p.holder, tier: p.tier, revokedAt: p.revoked_at, revokeReason: p.revoke_reason, entitlements: p.entitlements ?? {} }]));
  const itemRows = await sql.query<{ sku: string; name: string; price_cents: number; stock: number }>(
    "SELECT sku, name, price_cents, stock FROM items WHERE event_id = $1",
    [eventId],
  );
  const items = new Map(itemRows.map((i) => [i.sku, { name: i.name, priceCents: Number(i.price_cents), stock: Number(i.stock) }]));
  return { event, generatedAt: Date.now(), devices, entries, passes, items };
}

export type { Sighting };


export function sighting(e: ReportEntry): Sighting {
  return { entryId: e.entry.id, deviceId: e.device.id, deviceLabel: e.device.label, seq: e.entry.seq, at: e.entry.at, correctedAt: e.correctedAt };
}
