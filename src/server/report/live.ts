/**
 * The host's live view, computed from the stored log. Like pull, it reads each device's entries
 * only through its contiguous prefix (seq <= contiguous_seq): an entry behind a gap is not yet
 * part of the log anyone else sees, and counting it here would make the live view disagree with
 * the doors. Times are corrected by each device's last known clock offset (server − device), so
 * a phone set to the wrong hour does not put its arrivals in the wrong bar of the chart.
 * A `void` entry takes back the entry it names; voided entries count nowhere.
 */
import type { LiveSales, LiveView } from "../../sync/host.js";
import type { Sql } from "../storage/port.js";

export type { LiveView };

export const ARRIVAL_BUCKET_MS = 5 * 60 * 1000;

// The served, un-voided log of one event, with clock-corrected times. Every query below starts here.
const LOG = `
WITH served AS (
  SELECT e.id, e.device_id, e.seq, e.type, e.pass_id, e.body, e.at + COALESCE(d.clock_offset_ms, 0) AS true_at
  FROM entries e JOIN devices d ON d.id = e.device_id
  WHERE e.event_id = $1 AND e.seq <= d.contiguous_seq
),
voided AS (
  SELECT DISTINCT body->'data'->>'voids' AS id FROM served WHERE type = 'void' AND body->'data'->>'voids' IS NOT NULL
),
log AS (
  SELECT s.* FROM served s WHERE NOT EXISTS (SELECT 1 FROM voided v WHERE v.id = s.id)
)`;

// Each pass's latest admit-or-exit decides whether it is inside; its first admit is its arrival.
const PASS_STATE = `${LOG},
pass_state AS (
  SELECT pass_id,
    (array_agg(type ORDER BY true_at DESC, seq DESC))[1] AS last_type,
    MIN(true_at) FILTER (WHERE type = 'admit') AS first_admit,
    (array_agg(body->'data'->>'tier') FILTER (WHERE type = 'admit'))[1] AS entry_tier
  FROM log WHERE type IN ('admit', 'exit') AND pass_id IS NOT NULL
  GROUP BY pass_id
)`;

const n = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));

export async function computeLive(sql: Sql, eventId: string, now = Date.now()): Promise<LiveView> {
  const [event] = await sql.query<{ capacity: number | null }>("SELECT capacity FROM events WHERE id = $1", [eventId]);

  const tierRows = await sql.query<{ tier: string; issued: unknown; revoked: unknown; admitted: unknown; inside: unknown }>(
    `${PASS_STATE},
     issued AS (
       SELECT tier, COUNT(*) AS issued, COUNT(*) FILTER (WHERE revoked_at IS NOT NULL) AS revoked
       FROM passes WHERE event_id = $1 GROUP BY tier
     ),
     seen AS (
       SELECT COALESCE(p.tier, ps.entry_tier, '?') AS tier,
         COUNT(*) FILTER (WHERE ps.first_admit IS NOT NULL) AS admitted,
         COUNT(*) FILTER (WHERE ps.last_type = 'admit') AS inside
       FROM pass_state ps LEFT JOIN passes p ON p.event_id = $1 AND p.id = ps.pass_id
       GROUP BY 1
     )
     SELECT COALESCE(i.tier, s.tier) AS tier, i.issued, i.revoked, s.admitted, s.inside
     FROM issued i FULL OUTER JOIN seen s ON s.tier = i.tier
     ORDER BY 1`,
    [eventId],
  );

  const arrivalRows = await sql.query<{ bucket: unknown; count: unknown }>(
    `${PASS_STATE}
     SELECT (first_admit / ${ARRIVAL_BUCKET_MS}) * ${ARRIVAL_BUCKET_MS} AS bucket, COUNT(*) AS count
     FROM pass_state WHERE first_admit IS NOT NULL GROUP BY 1 ORDER BY 1`,
    [eventId],
  );

  const deviceRows = await sql.query<{
    id: string; label: string; role: string; last_sync_at: unknown;
    admits: unknown; exits: unknown; denies: unknown; sales: unknown; pickups: unknown; last_entry_at: unknown;
  }>(
    `${LOG}
     SELECT d.id, d.label, d.role, d.last_sync_at,
       COUNT(l.id) FILTER (WHERE l.type = 'admit') AS admits,
       COUNT(l.id) FILTER (WHERE l.type = 'exit') AS exits,
       COUNT(l.id) FILTER (WHERE l.type = 'deny') AS denies,
       COUNT(l.id) FILTER (WHERE l.type = 'sale') AS sales,
       COUNT(l.id) FILTER (WHERE l.type = 'pickup') AS pickups,
       MAX(l.true_at) AS last_entry_at
     FROM devices d LEFT JOIN log l ON l.device_id = d.id
     WHERE d.event_id = $1
     GROUP BY d.id, d.label, d.role, d.last_sync_at, d.created_at
     ORDER BY d.created_at, d.id`,
    [eventId],
  );

  const methodRows = await sql.query<{ method: string; count: unknown; total: unknown }>(
    `${LOG}
     SELECT COALESCE(body->'data'->>'method', '?') AS method, COUNT(*) AS count,
       SUM((body->'data'->>'totalCents')::bigint) AS total
     FROM log WHERE type = 'sale' GROUP BY 1 ORDER BY 1`,
    [eventId],
  );

  const itemRows = await sql.query<{ sku: string; name: string | null; quantity: unknown; total: unknown; stock: number | null }>(
    `${LOG},
     sold AS (
       SELECT line->>'sku' AS sku, SUM((line->>'quantity')::bigint) AS quantity,
         SUM((line->>'quantity')::bigint * (line->>'unitCents')::bigint) AS total
       FROM log, jsonb_array_elements(log.body->'data'->'lines') AS line
       WHERE log.type = 'sale' GROUP BY 1
     )
     SELECT COALESCE(s.sku, i.sku) AS sku, i.name, s.quantity, s.total, i.stock
     FROM sold s FULL OUTER JOIN (SELECT sku, name, stock FROM items WHERE event_id = $1) i ON i.sku = s.sku
     ORDER BY 1`,
    [eventId],
  );

  const [other] = await sql.query<{ denies: unknown; pickup_entries: unknown; pickup_items: unknown; entitled: unknown }>(
    `${LOG},
     pickup_items AS (
       SELECT SUM(value::bigint) AS n FROM log, jsonb_each_text(log.body->'data'->'items') WHERE log.type = 'pickup'
     )
     SELECT COUNT(*) FILTER (WHERE type = 'deny') AS denies,
       COUNT(*) FILTER (WHERE type = 'pickup') AS pickup_entries,
       (SELECT n FROM pickup_items) AS pickup_items,
       (SELECT SUM(value::bigint) FROM passes, jsonb_each_text(passes.entitlements)
        WHERE passes.event_id = $1 AND passes.revoked_at IS NULL) AS entitled
     FROM log`,
    [eventId],
  );

  const byTier = tierRows.map((r) => ({ tier: r.tier, issued: n(r.issued), admitted: n(r.admitted), inside: n(r.inside) }));
  const byMethod: LiveSales["byMethod"] = {};
  for (const r of methodRows) byMethod[r.method] = { count: n(r.count), totalCents: n(r.total) };
  return {
    serverTime: now,
    passesIssued: byTier.reduce((s, t) => s + t.issued, 0),
    passesRevoked: tierRows.reduce((s, r) => s + n(r.revoked), 0),
    admitted: byTier.reduce((s, t) => s + t.admitted, 0),
    insideNow: byTier.reduce((s, t) => s + t.inside, 0),
    capacity: event?.capacity ?? null,
    denies: n(other?.denies),
    byTier,
    arrivals: arrivalRows.map((r) => ({ start: n(r.bucket), count: n(r.count) })),
    devices: deviceRows.map((r) => ({
      id: r.id,
      label: r.label,
      role: r.role,
      lastSyncAt: r.last_sync_at === null ? null : n(r.last_sync_at),
      admits: n(r.admits),
      exits: n(r.exits),
      denies: n(r.denies),
      sales: n(r.sales),
      pickups: n(r.pickups),
      lastEntryAt: r.last_entry_at === null ? null : n(r.last_entry_at),
    })),
    sales: {
      count: methodRows.reduce((s, r) => s + n(r.count), 0),
      totalCents: methodRows.reduce((s, r) => s + n(r.total), 0),
      byMethod,
      items: itemRows.map((r) => ({ sku: r.sku, name: r.name, quantity: n(r.quantity), totalCents: n(r.total), stock: r.stock })),
    },
    pickups: { entries: n(other?.pickup_entries), items: n(other?.pickup_items), entitled: n(other?.entitled) },
  };
}
