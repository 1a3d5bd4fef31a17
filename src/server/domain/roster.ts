import type { RosterItem, RosterKey, RosterPass } from "../../sync/index.js";
import { ApiError } from "../http/errors.js";
import type { Storage } from "../storage/port.js";

export const DEFAULT_ROSTER_LIMIT = 1000;
export const MAX_ROSTER_LIMIT = 10_000;

/**
 * Where a device is in the roster: it has every change up to `since`, and, mid-way through a
 * paged sync up to `through`, every pass up to (afterVersion, afterId). Versions come from the
 * event's roster_version, taken under the event row lock (domain/events.ts), so a change never
 * commits with a version below one a reader has already seen.
 */
interface RosterCursor {
  since: number;
  page?: { through: number; afterVersion: number; afterId: string };
}

function encodeRosterCursor(c: RosterCursor): string {
  return c.page ? `r1.${c.since}.${c.page.through}.${c.page.afterVersion}.${c.page.afterId}` : `r1.${c.since}`;
}

function decodeRosterCursor(text: string | undefined): RosterCursor {
  if (text === undefined || text === "") return { since: 0 };
  const m = /^r1\.(\d{1,15})(?:\.(\d{1,15})\.(\d{1,15})\.([0-9a-f]{12}))?$/.exec(text);
  if (!m) throw new ApiError("INVALID_CURSOR", "The roster cursor is not one this server gave out; omit it to fetch the whole roster.");
  const since = Number(m[1]);
  if (m[2] === undefined) return { since };
  return { since, page: { through: Number(m[2]), afterVersion: Number(m[3]), afterId: m[4]! } };
}

export interface RosterPage {
  keys: RosterKey[];
  passes: RosterPass[];
  revoked: string[];
  items: RosterItem[];
  cursor: string;
  more: boolean;
}

interface PassRow {
  id: string;
  holder: string;
  tier: string;
  entitlements: Record<string, number>;
  valid_from: number | null;
  valid_until: number | null;
  revoked_at: number | null;
  revoke_reason: string | null;
  version: number;
}

/**
 * The roster changes since a cursor: passes (new, changed, revoked) paged by (version, id),
 * and keys and items on the first page of a sync. Reads one snapshot, so the page and the
 * version it ends at agree.
 */
export async function rosterPage(storage: Storage, eventId: string, cursorText: string | undefined, limit = DEFAULT_ROSTER_LIMIT): Promise<RosterPage> {
  const cursor = decodeRosterCursor(cursorText);
  return storage.transaction(async (tx) => {
    // REPEATABLE READ would be stronger, but every read below is bounded by `through`, and
    // versions at or below it are final once we can see the event row at `through`.
    const ev = await tx.query<{ roster_version: number }>("SELECT roster_version FROM events WHERE id = $1", [eventId]);
    if (!ev[0]) throw new ApiError("EVENT_NOT_FOUND", `There is no event ${eventId}.`);
    const firstPage = !cursor.page;
    const through = cursor.page?.through ?? ev[0].roster_version;
    if (through > ev[0].roster_version || cursor.since > through) throw new ApiError("INVALID_CURSOR", "The roster cursor is ahead of this server's roster; omit it to fetch the whole roster.");

    const keys = firstPage
      ? (
          await tx.query<{ kid: string; public_key: string; retired_at: number | null }>(
            "SELECT kid, public_key, retired_at FROM event_keys WHERE event_id = $1 AND version > $2 AND version <= $3 ORDER BY version, kid",
            [eventId, cursor.since, through],
          )
        ).map((k): RosterKey => (k.retired_at === null ? { kid: k.kid, publicKey: k.public_key } : { kid: k.kid, publicKey: k.public_key, retired: true }))
      : [];
    const items = firstPage
      ? (
          await tx.query<{ sku: string; name: string; price_cents: number; stock: number }>(
            "SELECT sku, name, price_cents, stock FROM items WHERE event_id = $1 AND version > $2 AND version <= $3 ORDER BY sku",
            [eventId, cursor.since, through],
          )
        ).map((i): RosterItem => ({ sku: i.sku, name: i.name, priceCents: i.price_cents, stock: i.stock }))
      : [];
    const columns = "id, holder, tier, entitlements, valid_from, valid_until, revoked_at, revoke_reason, version";
    const rows = cursor.page
      ? await tx.query<PassRow>(
          `SELECT ${columns} FROM passes WHERE event_id = $1 AND (version, id) > ($2, $3) AND version <= $4 ORDER BY version, id LIMIT $5`,
          [eventId, cursor.page.afterVersion, cursor.page.afterId, through, limit + 1],
        )
      : await tx.query<PassRow>(
          `SELECT ${columns} FROM passes WHERE event_id = $1 AND version > $2 AND version <= $3 ORDER BY version, id LIMIT $4`,
          [eventId, cursor.since, through, limit + 1],
        );
    const more = rows.length > limit;
    const page = more ? rows.slice(0, limit) : rows;
    const last = page[page.length - 1];
    const next: RosterCursor = more && last ? { since: cursor.since, page: { through, afterVersion: last.version, afterId: last.id } } : { since: through };
    return {
      keys,
      passes: page.map(
        (p): RosterPass => ({
          id: p.id,
          holder: p.holder,
          tier: p.tier,
          entitlements: p.entitlements,
          validFrom: p.valid_from,
          validUntil: p.valid_until,
          revoked: p.revoked_at !== null,
          revokedAt: p.revoked_at,
          revokeReason: p.revoke_reason,
        }),
      ),
      revoked: page.filter((p) => p.revoked_at !== null).map((p) => p.id),
      items,
      cursor: encodeRosterCursor(next),
      more,
    };
  });
}
