/**
 * The host's list of an event's passes, a page at a time, with each pass's first admission in
 * the served log (contiguous prefixes only, clock-corrected, voids ignored), so the roster
 * screen can show who came without a second request per pass.
 */
import type { ItemListResponse, PassListItem, PassListResponse } from "../../sync/host.js";
import type { Sql } from "../storage/port.js";

export async function listPasses(sql: Sql, eventId: string, opts: { offset: number; limit: number; q?: string | undefined }): Promise<PassListResponse> {
  const filter = opts.q ? `%${opts.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%` : null;
  const rows = await sql.query<{
    id: string; code: string; holder: string; tier: string; entitlements: Record<string, number>;
    created_at: number; revoked_at: number | null; revoke_reason: string | null; admitted_at: number | null; total: number;
  }>(
    `WITH chosen AS (
       SELECT * FROM passes
       WHERE event_id = $1 AND ($4::text IS NULL OR holder ILIKE $4 OR id ILIKE $4 OR tier ILIKE $4)
     ),
     page AS (
       SELECT *, COUNT(*) OVER () AS total FROM chosen ORDER BY created_at, holder, id OFFSET $2 LIMIT $3
     )
     SELECT p.id, p.code, p.holder, p.tier, p.entitlements, p.created_at, p.revoked_at, p.revoke_reason, p.total,
       (SELECT MIN(e.at + COALESCE(d.clock_offset_ms, 0))
          FROM entries e JOIN devices d ON d.id = e.device_id
         WHERE e.event_id = $1 AND e.pass_id = p.id AND e.type = 'admit' AND e.seq <= d.contiguous_seq
           AND NOT EXISTS (SELECT 1 FROM entries v WHERE v.event_id = $1 AND v.type = 'void' AND v.body->'data'->>'voids' = e.id)
       ) AS admitted_at
     FROM page p ORDER BY p.created_at, p.holder, p.id`,
    [eventId, opts.offset, opts.limit, filter],
  );
  let total = rows[0]?.total ?? 0;
  if (rows.length === 0 && opts.offset > 0) {
    // Past the end: still tell the client how many there are, so it can page back.
    const [c] = await sql.query<{ n: number }>(
      "SELECT COUNT(*)::int AS n FROM passes WHERE event_id = $1 AND ($2::text IS NULL OR holder ILIKE $2 OR id ILIKE $2 OR tier ILIKE $2)",
      [eventId, filter],
    );
    total = c?.n ?? 0;
  }
  const passes: PassListItem[] = rows.map((r) => ({
    id: r.id,
    code: r.code,
    holder: r.holder,
    tier: r.tier,
    entitlements: r.entitlements,
    createdAt: r.created_at,
    revokedAt: r.revoked_at,
    revokeReason: r.revoke_reason,
    admittedAt: r.admitted_at,
  }));
  return { passes, total: Number(total), offset: opts.offset };
}

export async function listItems(sql: Sql, eventId: string): Promise<ItemListResponse> {
  const rows = await sql.query<{ sku: string; name: string; price_cents: number; stock: number }>(
    "SELECT sku, name, price_cents, stock FROM items WHERE event_id = $1 ORDER BY sku",
    [eventId],
  );
  return { items: rows.map((r) => ({ sku: r.sku, name: r.name, priceCents: r.price_cents, stock: r.stock })) };
}
