import { decodeCursor, encodeCursor, type VersionVector } from "../../sync/index.js";
import { ApiError } from "../http/errors.js";
import type { Sql } from "../storage/port.js";

export const DEFAULT_PULL_LIMIT = 1000;
export const MAX_PULL_LIMIT = 5000;

export interface PullPage {
  /** each entry as JSON text straight from the database, for the route to splice in unparsed */
  entries: string[];
  cursor: string;
  more: boolean;
}

/**
 * Every device's entries after the cursor's version vector, each device only through its
 * contiguous prefix, in (device, seq) order.
 *
 * Two statements, and neither reads more than the page. The first reads each device's
 * contiguous_seq. Entries up to it exist with no gaps (that is what contiguous means), so the
 * page's exact ranges follow from those numbers alone: device by device, as many seqs as still
 * fit. The second fetches just those ranges through the primary key. Reading ranges rather than
 * "everything after the vector, sorted, limited" matters: that form reads every remaining entry
 * of every device for each page, so a device catching up on 100,000 entries did 100 pages of
 * 100,000 rows each — on PGlite, synchronously, on the server's only thread.
 *
 * Why two statements are safe without a snapshot: a push raises contiguous_seq in the same
 * transaction that stores the entries, so every entry at or below a contiguous_seq we have read
 * is already committed, and the second statement sees it. We never ask for more than that
 * number, so an entry committing meanwhile is served by a later page, never skipped.
 */
export async function pullEntriesText(sql: Sql, eventId: string, cursor: string | undefined, limit = DEFAULT_PULL_LIMIT): Promise<PullPage> {
  const decoded = decodeCursor(cursor);
  if (!decoded.ok) throw new ApiError("INVALID_CURSOR", `The pull cursor is invalid: ${decoded.message}.`);
  const vector: VersionVector = { ...decoded.vector };
  if (Object.values(vector).some((seq) => seq > 2_147_483_647)) {
    throw new ApiError("INVALID_CURSOR", "The pull cursor is invalid: a seq in it is out of range; omit the cursor to start from the beginning.");
  }
  const devices = await sql.query<{ id: string; contiguous_seq: number }>(
    "SELECT id, contiguous_seq FROM devices WHERE event_id = $1 ORDER BY id",
    [eventId],
  );
  const ranges: { deviceId: string; after: number; through: number }[] = [];
  let room = limit;
  let more = false;
  for (const d of devices) {
    const after = vector[d.id] ?? 0;
    const available = d.contiguous_seq - after;
    if (available <= 0) continue;
    if (room === 0) {
      more = true;
      break;
    }
    const take = Math.min(available, room);
    ranges.push({ deviceId: d.id, after, through: after + take });
    room -= take;
    if (take < available) more = true;
  }
  if (ranges.length === 0) return { entries: [], cursor: encodeCursor(vector), more: false };
  const rows = await sql.query<{ device_id: string; seq: number; body: string }>(
    `SELECT e.device_id, e.seq, e.body::text AS body
     FROM unnest($2::text[], $3::int[], $4::int[]) AS r(device_id, after_seq, through_seq)
     JOIN entries e ON e.event_id = $1 AND e.device_id = r.device_id AND e.seq > r.after_seq AND e.seq <= r.through_seq
     ORDER BY e.device_id, e.seq`,
    [eventId, ranges.map((r) => r.deviceId), ranges.map((r) => r.after), ranges.map((r) => r.through)],
  );
  const expected = ranges.reduce((n, r) => n + (r.through - r.after), 0);
  // The prefix has no gaps by construction; a shortfall means the table and contiguous_seq disagree.
  if (rows.length !== expected) throw new Error(`pull expected ${expected} entries for event ${eventId} but read ${rows.length}`);
  for (const r of ranges) vector[r.deviceId] = r.through;
  return { entries: rows.map((r) => r.body), cursor: encodeCursor(vector), more };
}
