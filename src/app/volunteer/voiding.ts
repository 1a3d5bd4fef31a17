/** Void: a sale or pickup undone by an entry of its own, with a reason; nothing is ever deleted. */
import type { DoorlistDB } from "../db/database.js";
import { ledgerRecordSchema, shiftRecordSchema } from "./records.js";
import { currentShift } from "./reduce.js";
import type { VoidOutcome } from "./types.js";
import { labelFor, writeEntry } from "./write.js";

export async function voidEntry(db: DoorlistDB, now: () => number, args: { entryId: string; reason: string }): Promise<VoidOutcome> {
  const reason = args.reason.trim().slice(0, 200);
  if (reason.length === 0) throw new Error("Say why: a void needs a reason.");
  return writeEntry(
    db,
    now,
    async (ctx) => {
      const [raw, already] = await Promise.all([db.ledger.get(args.entryId), db.voids.get(args.entryId)]);
      if (!raw) throw new Error("That sale or pickup is not on this device.");
      const target = ledgerRecordSchema.parse(raw);
      if (target.voided === 1 || already) throw new Error("That entry is already voided.");
      // A cash sale's money goes back out of the drawer that is open now.
      const shift = currentShift((await db.shifts.toArray()).map((s) => shiftRecordSchema.parse(s)), ctx.at).shift.id;
      return {
        id: ctx.id,
        deviceId: ctx.identity.deviceId,
        seq: ctx.seq,
        at: ctx.at,
        type: "void",
        data: { voids: target.id, reason, shift, label: labelFor(ctx.identity) },
      };
    },
    async (entry) => ({ entryId: entry.id, voids: args.entryId }),
  );
}
