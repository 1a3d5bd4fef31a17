/**
 * Changing an event's name, times or capacity after it was made (a venue change, a later door
 * time). Devices read the event with every roster page, so they see the change at their next
 * sync; passes are untouched, because their validity windows are signed into them.
 */
import { z } from "zod";
import type { EventInfo } from "../../sync/index.js";
import { getEvent } from "../domain/events.js";
import { ApiError } from "../http/errors.js";
import type { Storage } from "../storage/port.js";

const time = z.number().int().min(0).max(8_640_000_000_000_000);
export const eventPatchSchema = z
  .object({
    name: z.string().trim().min(1).max(200).optional(),
    startsAt: time.optional(),
    endsAt: time.optional(),
    capacity: z.number().int().min(1).max(10_000_000).nullable().optional(),
  })
  .refine((p) => Object.keys(p).length > 0, "send at least one of name, startsAt, endsAt, capacity");
export type EventPatch = z.infer<typeof eventPatchSchema>;

export async function updateEvent(storage: Storage, eventId: string, patch: EventPatch): Promise<EventInfo> {
  return storage.transaction(async (tx) => {
    const current = await getEvent(tx, eventId);
    const next: EventInfo = {
      ...current,
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.startsAt !== undefined ? { startsAt: patch.startsAt } : {}),
      ...(patch.endsAt !== undefined ? { endsAt: patch.endsAt } : {}),
      ...(patch.capacity !== undefined ? { capacity: patch.capacity } : {}),
    };
    if (next.endsAt <= next.startsAt) throw new ApiError("INVALID_BODY", "endsAt: must be after startsAt.");
    await tx.query("UPDATE events SET name = $2, starts_at = $3, ends_at = $4, capacity = $5 WHERE id = $1", [
      eventId,
      next.name,
      next.startsAt,
      next.endsAt,
      next.capacity,
    ]);
    return next;
  });
}
