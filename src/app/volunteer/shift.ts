/** The cash drawer: expected cash for the open shift, and closing it with a count. */
import type { DoorlistDB } from "../db/database.js";
import { expectedCash, shiftRecordSchema, type ShiftRecord } from "./records.js";
import { currentShift } from "./reduce.js";
import type { ClosedShift, ShiftCloseOutcome, ShiftSummary, ShiftView } from "./types.js";
import { labelFor, writeEntry } from "./write.js";

function summary(s: ShiftRecord, isNew: boolean): ShiftSummary {
  return {
    id: s.id,
    n: s.n,
    openedAt: isNew ? null : s.openedAt,
    cashSalesCents: s.cashSalesCents,
    refundsCents: s.refundsCents,
    expectedCents: expectedCash(s),
    sales: s.sales,
  };
}

function closedSummary(s: ShiftRecord): ClosedShift {
  const expected = s.expectedCents ?? expectedCash(s);
  const counted = s.countedCents ?? 0;
  return { ...summary(s, false), expectedCents: expected, closedAt: s.closedAt ?? s.openedAt, countedCents: counted, differenceCents: counted - expected };
}

async function allShifts(db: DoorlistDB): Promise<ShiftRecord[]> {
  return (await db.shifts.toArray()).map((s) => shiftRecordSchema.parse(s));
}

export async function shiftView(db: DoorlistDB, now: () => number): Promise<ShiftView> {
  const all = await allShifts(db);
  const { shift, isNew } = currentShift(all, now());
  return {
    current: summary(shift, isNew),
    closed: all
      .filter((s) => s.closed === 1)
      .sort((a, b) => b.n - a.n)
      .map(closedSummary),
  };
}

export async function closeShift(db: DoorlistDB, now: () => number, args: { countedCents: number }): Promise<ShiftCloseOutcome> {
  const counted = args.countedCents;
  if (!Number.isInteger(counted) || counted < 0 || counted > 100_000_000) throw new Error("Enter the cash counted as an amount of 0 or more.");
  let id = "";
  return writeEntry(
    db,
    now,
    async (ctx) => {
      const { shift } = currentShift(await allShifts(db), ctx.at);
      id = shift.id;
      const expected = expectedCash(shift);
      return {
        id: ctx.id,
        deviceId: ctx.identity.deviceId,
        seq: ctx.seq,
        at: ctx.at,
        type: "cash_count",
        // A drawer that paid back more than it took cannot be expected to hold less than nothing
        // in the entry's terms; the report recomputes expected cash from the sales either way.
        data: { countedCents: counted, shift: shift.id, ...(expected >= 0 ? { expectedCents: expected } : {}), label: labelFor(ctx.identity) },
      };
    },
    async (entry, ctx) => {
      const all = await allShifts(db);
      const closed = all.find((s) => s.id === id)!;
      const next = currentShift(all, ctx.at);
      return { entryId: entry.id, closed: closedSummary(closed), next: summary(next.shift, next.isNew) };
    },
  );
}
