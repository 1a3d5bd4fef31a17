/**
 * The host's live view, computed from the stored log. Like pull, it reads each device's entries
 * only through its contiguous prefix (seq <= contiguous_seq): an entry behind a gap is not yet
 * part of the log anyone else sees, and counting it here would make the live view disagree with
 * the doors. Times are corrected by each device's last known clock offset (server − device), so
 * a phone set to the wrong hour does not put its arrivals in the wrong bar of the chart.
 * A `void` entry takes back the entry it names; voided entries count nowhere.
 *
 * The console polls this every few seconds, so the log is aggregated inside the database in three
 * narrow scans that return a few rows each; moving 100,000 entries to JS costs far more than
 * aggregating them where they are, and reading each entry's JSON body only for voids, sales and
 * pickups keeps the scans cheap.
 */
import type { LiveSales, LiveView } from "../../sync/host.js";
import type { Sql } from "../storage/port.js";

export type { LiveView };

export const ARRIVAL_BUCKET_MS = 5 * 60 * 1000;

// The served, un-voided log with clock-corrected times, without entry bodies.
const LOG = `
WITH voided AS (
  SELECT e.body->'data'->>'voids' AS id
  FROM entries e JOIN devices d ON d.id = e.device_id
  WHERE e.event_id = $1 AND e.type = 'void' AND e.seq <= d.contiguous_seq
),
log AS (
  SELECT e.id, e.device_id, e.seq, e.type, e.pass_id, e.at + COALESCE(d.clock_offset_ms, 0) AS t
  FROM entries e JOIN devices d ON d.id = e.device_id
  WHERE e.event_id = $1 AND e.seq <= d.contiguous_seq AND NOT EXISTS (SELECT 1 FROM voided v WHERE v.id = e.id)
)`;

const n = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));

export async function computeLive(sql: Sql, eventId: string, now = Date.now()): Promise<LiveView> {
  const [event] = await sql.query<{ capacity: number | null }>("SELECT capacity FROM events WHERE id = $1", [eventId]);

  // Per pass: inside when its latest admit (by corrected time, then seq) is later than its latest
  // exit; its first admit is its arrival. Grouped by tier and by 5-minute bucket in one pass.
  const passRows = await sql.query<{ tier: string | null; bucket: unknown; admitted: unknown; inside: unknown }>(
    `${LOG},
     ps AS (
       SELECT pass_id,
         MIN(t) FILTER (WHERE type = 'admit') AS first_admit,
         MAX(ARRAY[t, seq]) FILTER (WHERE type = 'admit') AS last_admit,
         MAX(ARRAY[t, seq]) FILTER (WHERE type = 'exit') AS last_exit
       FROM log WHERE type IN ('admit', 'exit') AND pass_id IS NOT NULL
       GROUP BY pass_id
     ),
     arrived AS (
       SELECT COALESCE(p.tier, '?') AS tier, (ps.first_admit / ${ARRIVAL_BUCKET_MS}) * ${ARRIVAL_BUCKET_MS} AS bucket,
         (ps.last_exit IS NULL OR ps.last_admit > ps.last_exit) AS inside
       FROM ps LEFT JOIN passes p ON p.event_id = $1 AND p.id = ps.pass_id
       WHERE ps.first_admit IS NOT NULL
     )
     SELECT tier, bucket, COUNT(*) AS admitted, COUNT(*) FILTER (WHERE inside) AS inside
     FROM arrived GROUP BY GROUPING SETS ((tier), (bucket))`,
    [eventId],
  );

  const activityRows = await sql.query<{ device_id: string; type: string; count: unknown; last_t: unknown }>(
    `${LOG} SELECT device_id, type, COUNT(*) AS count, MAX(t) AS last_t FROM log GROUP BY device_id, type`,
    [eventId],
  );

  // Sales and pickups are few next to scans; their data is aggregated here rather than in SQL.
  const volunteerRows = await sql.query<{ type: string; pass_id: string | null; data: VolunteerData }>(
    `${LOG} SELECT l.type, l.pass_id, e.body->'data' AS data FROM log l JOIN entries e ON e.event_id = $1 AND e.device_id = l.device_id AND e.seq = l.seq
     WHERE l.type IN ('sale', 'pickup')`,
    [eventId],
  );

  // What the passes that picked something up were entitled to: a pickup beyond that is not a redemption.
  const pickedPasses = [...new Set(volunteerRows.filter((r) => r.type === "pickup" && r.pass_id).map((r) => r.pass_id!))];
  const entitlementRows =
    pickedPasses.length === 0
      ? []
      : await sql.query<{ id: string; entitlements: Record<string, number> }>("SELECT id, entitlements FROM passes WHERE event_id = $1 AND id = ANY($2::text[])", [
          eventId,
          pickedPasses,
        ]);

  // Passes of a tier nearly always share their entitlements, so this groups to a handful of rows.
  const issuedRows = await sql.query<{ tier: string; entitlements: Record<string, number>; issued: unknown; revoked: unknown }>(
    `SELECT tier, entitlements, COUNT(*) AS issued, COUNT(*) FILTER (WHERE revoked_at IS NOT NULL) AS revoked
     FROM passes WHERE event_id = $1 GROUP BY tier, entitlements`,
    [eventId],
  );
  const deviceRows = await sql.query<{ id: string; label: string; role: string; last_sync_at: number | null }>(
    "SELECT id, label, role, last_sync_at FROM devices WHERE event_id = $1 ORDER BY created_at, id",
    [eventId],
  );
  const itemRows = await sql.query<{ sku: string; name: string; stock: number }>("SELECT sku, name, stock FROM items WHERE event_id = $1 ORDER BY sku", [
    eventId,
  ]);

  return aggregateLive({ passRows, activityRows, volunteerRows, entitlementRows, issuedRows, deviceRows, itemRows, capacity: event?.capacity ?? null, now });
}

interface VolunteerData {
  lines?: { sku: string; quantity: number; unitCents: number }[];
  method?: string;
  totalCents?: number;
  items?: Record<string, number>;
}

interface AggregateInput {
  passRows: { tier: string | null; bucket: unknown; admitted: unknown; inside: unknown }[];
  activityRows: { device_id: string; type: string; count: unknown; last_t: unknown }[];
  volunteerRows: { type: string; pass_id: string | null; data: VolunteerData }[];
  entitlementRows: { id: string; entitlements: Record<string, number> }[];
  issuedRows: { tier: string; entitlements: Record<string, number>; issued: unknown; revoked: unknown }[];
  deviceRows: { id: string; label: string; role: string; last_sync_at: number | null }[];
  itemRows: { sku: string; name: string; stock: number }[];
  capacity: number | null;
  now: number;
}

function aggregateLive(a: AggregateInput): LiveView {
  const tiers = new Map<string, { tier: string; issued: number; admitted: number; inside: number }>();
  const tierOf = (name: string) => {
    let row = tiers.get(name);
    if (!row) tiers.set(name, (row = { tier: name, issued: 0, admitted: 0, inside: 0 }));
    return row;
  };
  let revoked = 0;
  let entitled = 0;
  for (const r of a.issuedRows) {
    tierOf(r.tier).issued += n(r.issued);
    revoked += n(r.revoked);
    const valid = n(r.issued) - n(r.revoked);
    for (const q of Object.values(r.entitlements ?? {})) entitled += valid * n(q);
  }
  const arrivals: { start: number; count: number }[] = [];
  for (const r of a.passRows) {
    if (r.tier !== null) {
      const row = tierOf(r.tier);
      row.admitted += n(r.admitted);
      row.inside += n(r.inside);
    } else if (r.bucket !== null) {
      arrivals.push({ start: n(r.bucket), count: n(r.admitted) });
    }
  }
  arrivals.sort((x, y) => x.start - y.start);
  const byTier = [...tiers.values()].sort((x, y) => (x.tier < y.tier ? -1 : x.tier > y.tier ? 1 : 0));

  const devices = new Map(
    a.deviceRows.map((d) => [
      d.id,
      { id: d.id, label: d.label, role: d.role, lastSyncAt: d.last_sync_at === null ? null : n(d.last_sync_at), admits: 0, exits: 0, denies: 0, sales: 0, pickups: 0, lastEntryAt: null as number | null },
    ]),
  );
  const COUNTED = { admit: "admits", exit: "exits", deny: "denies", sale: "sales", pickup: "pickups" } as const;
  let denies = 0;
  for (const r of a.activityRows) {
    if (r.type === "deny") denies += n(r.count);
    const d = devices.get(r.device_id);
    if (!d) continue;
    const key = COUNTED[r.type as keyof typeof COUNTED];
    if (key) d[key] += n(r.count);
    if (d.lastEntryAt === null || n(r.last_t) > d.lastEntryAt) d.lastEntryAt = n(r.last_t);
  }

  const byMethod: LiveSales["byMethod"] = {};
  const sold = new Map<string, { quantity: number; totalCents: number }>();
  let pickupEntries = 0;
  let pickupItems = 0;
  const taken = new Map<string, number>();
  for (const { type, pass_id, data } of a.volunteerRows) {
    if (type === "pickup") {
      pickupEntries++;
      for (const [name, q] of Object.entries(data?.items ?? {})) {
        pickupItems += n(q);
        const key = `${pass_id}\u0000${name}`;
        taken.set(key, (taken.get(key) ?? 0) + n(q));
      }
      continue;
    }
    const m = (byMethod[data?.method ?? "?"] ??= { count: 0, totalCents: 0 });
    m.count++;
    m.totalCents += n(data?.totalCents);
    for (const line of data?.lines ?? []) {
      const s = sold.get(line.sku) ?? { quantity: 0, totalCents: 0 };
      s.quantity += n(line.quantity);
      s.totalCents += n(line.quantity) * n(line.unitCents);
      sold.set(line.sku, s);
    }
  }
  const entitlementsOf = new Map(a.entitlementRows.map((r) => [r.id, r.entitlements ?? {}]));
  let redeemed = 0;
  for (const [key, q] of taken) {
    const [passId, name] = key.split("\u0000") as [string, string];
    redeemed += Math.min(q, n(entitlementsOf.get(passId)?.[name]));
  }
  const itemBySku = new Map(a.itemRows.map((i) => [i.sku, i]));
  const skus = [...new Set([...itemBySku.keys(), ...sold.keys()])].sort();

  return {
    serverTime: a.now,
    passesIssued: byTier.reduce((s, t) => s + t.issued, 0),
    passesRevoked: revoked,
    admitted: byTier.reduce((s, t) => s + t.admitted, 0),
    insideNow: byTier.reduce((s, t) => s + t.inside, 0),
    capacity: a.capacity,
    denies,
    byTier,
    arrivals,
    devices: [...devices.values()],
    sales: {
      count: Object.values(byMethod).reduce((s, m) => s + m.count, 0),
      totalCents: Object.values(byMethod).reduce((s, m) => s + m.totalCents, 0),
      byMethod,
      items: skus.map((sku) => {
        const item = itemBySku.get(sku);
        const s = sold.get(sku);
        return { sku, name: item?.name ?? null, quantity: s?.quantity ?? 0, totalCents: s?.totalCents ?? 0, stock: item ? n(item.stock) : null };
      }),
    },
    pickups: { entries: pickupEntries, items: pickupItems, redeemed, entitled },
  };
}
