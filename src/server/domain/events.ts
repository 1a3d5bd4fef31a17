import { z } from "zod";
import type { EventInfo } from "../../sync/index.js";
import { ApiError } from "../http/errors.js";
import type { Sql, Storage } from "../storage/port.js";
import { insertNewKey } from "./keys.js";
import { randomHex } from "./secrets.js";

interface EventRow {
  id: string;
  name: string;
  starts_at: number;
  ends_at: number;
  capacity: number | null;
}

const toEvent = (r: EventRow): EventInfo => ({ id: r.id, name: r.name, startsAt: r.starts_at, endsAt: r.ends_at, capacity: r.capacity });

const time = z.number().int().min(0).max(8_640_000_000_000_000);
export const newEventSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    startsAt: time,
    endsAt: time,
    capacity: z.number().int().min(1).max(10_000_000).nullable().optional(),
  })
  .refine((e) => e.endsAt > e.startsAt, { message: "endsAt must be after startsAt", path: ["endsAt"] });
export type NewEvent = z.infer<typeof newEventSchema>;

/** Makes the event and its first signing key together: an event can sign passes from its first moment. */
export async function createEvent(storage: Storage, input: NewEvent): Promise<EventInfo> {
  return storage.transaction(async (tx) => {
    // 32-bit ids collide rarely but surely over enough events; a collision just draws again.
    for (let attempt = 0; attempt < 10; attempt++) {
      const rows = await tx.query<EventRow>(
        `INSERT INTO events (id, name, starts_at, ends_at, capacity, created_at) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (id) DO NOTHING RETURNING id, name, starts_at, ends_at, capacity`,
        [randomHex(4), input.name, input.startsAt, input.endsAt, input.capacity ?? null, Date.now()],
      );
      if (rows[0]) {
        const version = await bumpRosterVersion(tx, rows[0].id);
        await insertNewKey(tx, rows[0].id, version);
        return toEvent(rows[0]);
      }
    }
    throw new Error("could not draw a free event id in 10 attempts");
  });
}

export async function listEvents(sql: Sql): Promise<EventInfo[]> {
  const rows = await sql.query<EventRow>("SELECT id, name, starts_at, ends_at, capacity FROM events ORDER BY starts_at, id");
  return rows.map(toEvent);
}

export async function getEvent(sql: Sql, eventId: string): Promise<EventInfo> {
  const rows = await sql.query<EventRow>("SELECT id, name, starts_at, ends_at, capacity FROM events WHERE id = $1", [eventId]);
  if (!rows[0]) throw new ApiError("EVENT_NOT_FOUND", `There is no event ${eventId}; list events with GET /api/v1/events.`);
  return toEvent(rows[0]);
}

/**
 * Takes the next roster version of an event. The UPDATE locks the event row until the
 * transaction ends, so roster changes of one event commit one at a time, in version order: a
 * reader that sees version n committed also sees every version below it. That is what lets the
 * roster cursor be a plain number without ever skipping a change that committed late.
 */
export async function bumpRosterVersion(tx: Sql, eventId: string): Promise<number> {
  const rows = await tx.query<{ roster_version: number }>(
    "UPDATE events SET roster_version = roster_version + 1 WHERE id = $1 RETURNING roster_version",
    [eventId],
  );
  if (!rows[0]) throw new ApiError("EVENT_NOT_FOUND", `There is no event ${eventId}; list events with GET /api/v1/events.`);
  return rows[0].roster_version;
}
