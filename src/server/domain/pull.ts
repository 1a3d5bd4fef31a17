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
 * contiguous prefix. One statement reads each device's contiguous_seq and its entries from the
 * same snapshot; since a push raises contiguous_seq in the transaction that stores the entries,
 * whatever the snapshot counts as served is also visible in it. Entries behind a gap are never
 * served, so nothing is served out of order and the vector can only move forward over entries
 * the puller has really received.
 */
export async function pullEntriesText(sql: Sql, eventId: string, cursor: string | undefined, limit = DEFAULT_PULL_LIMIT): Promise<PullPage> {
  const decoded = decodeCursor(cursor);
  if (!decoded.ok) throw new ApiError("INVALID_CURSOR", `The pull cursor is invalid: ${decoded.message}.`);
  const vector: VersionVector = { ...decoded.vector };
  if (Object.values(vector).some((seq) => seq > 2_147_483_647)) {
    throw new ApiError("INVALID_CURSOR", "The pull cursor is invalid: a seq in it is out of range; omit the cursor to start from the beginning.");
  }
  const rows = await sql.query<{ device_id: string; seq: number; body: string }>(
    `SELECT e.device_id, e.seq, e.body::text AS body FROM devices d
     JOIN entries e ON e.event_id = d.event_id AND e.device_id = d.id
       AND e.seq > COALESCE(($2::jsonb ->> d.id)::integer, 0) AND e.seq <= d.contiguous_seq
     WHERE d.event_id = $1
     ORDER BY e.device_id, e.seq
     LIMIT $3`,
    [eventId, JSON.stringify(vector), limit + 1],
  );
  const more = rows.length > limit;
  const page = more ? rows.slice(0, limit) : rows;
  for (const r of page) vector[r.device_id] = r.seq;
  return { entries: page.map((r) => r.body), cursor: encodeCursor(vector), more };
}
