/** Quick sale: the lines priced from the cached catalog, recorded in one transaction. */
import type { PaymentMethod } from "../../sync/index.js";
import { PAYMENT_METHODS } from "../../sync/index.js";
import type { DoorlistDB } from "../db/database.js";
import { itemRecordSchema, type ItemRecord } from "../db/records.js";
import { shiftRecordSchema, stockRecordSchema } from "./records.js";
import { currentShift } from "./reduce.js";
import type { OversoldLine, SaleLineInput, SaleOutcome } from "./types.js";
import { labelFor, writeEntry } from "./write.js";

/** Lines for the same sku are merged; a sale needs at least one line with a whole quantity. */
export function cleanLines(lines: readonly SaleLineInput[]): SaleLineInput[] {
  const merged = new Map<string, number>();
  for (const l of lines) {
    if (!Number.isInteger(l.quantity) || l.quantity < 1 || l.quantity > 10_000) throw new Error(`Quantity for ${l.sku} must be a whole number from 1.`);
    merged.set(l.sku, (merged.get(l.sku) ?? 0) + l.quantity);
  }
  if (merged.size === 0) throw new Error("Add at least one item to the sale.");
  return [...merged].map(([sku, quantity]) => ({ sku, quantity }));
}

/** What the sale costs: comps are handed over free, their lines keep the price for the report. */
export function saleTotal(lines: readonly { quantity: number; unitCents: number }[], method: PaymentMethod): number {
  return method === "comp" ? 0 : lines.reduce((t, l) => t + l.quantity * l.unitCents, 0);
}

export async function sell(db: DoorlistDB, now: () => number, args: { lines: SaleLineInput[]; method: PaymentMethod }): Promise<SaleOutcome> {
  if (!PAYMENT_METHODS.includes(args.method)) throw new Error(`Unknown payment method ${String(args.method)}.`);
  const lines = cleanLines(args.lines);
  let items: ItemRecord[] = [];
  let shift = "";
  return writeEntry(
    db,
    now,
    async (ctx) => {
      const rows = await db.items.bulkGet(lines.map((l) => l.sku));
      items = rows.map((r, i) => {
        if (!r) throw new Error(`${lines[i]!.sku} is not in this device's catalog; sync and try again.`);
        return itemRecordSchema.parse(r);
      });
      const shifts = (await db.shifts.toArray()).map((s) => shiftRecordSchema.parse(s));
      shift = currentShift(shifts, ctx.at).shift.id;
      const priced = lines.map((l, i) => ({ sku: l.sku, quantity: l.quantity, unitCents: items[i]!.priceCents }));
      return {
        id: ctx.id,
        deviceId: ctx.identity.deviceId,
        seq: ctx.seq,
        at: ctx.at,
        type: "sale",
        data: { lines: priced, method: args.method, totalCents: saleTotal(priced, args.method), shift, label: labelFor(ctx.identity) },
      };
    },
    async (entry) => {
      const sold = await db.stock.bulkGet(items.map((i) => i.sku));
      const oversold: OversoldLine[] = [];
      items.forEach((item, i) => {
        const left = item.stock - (sold[i] ? stockRecordSchema.parse(sold[i]).sold : 0);
        if (left < 0) oversold.push({ sku: item.sku, name: item.name, left });
      });
      const total = entry.type === "sale" ? entry.data.totalCents : 0;
      return { entryId: entry.id, totalCents: total, method: args.method, shift, oversold };
    },
  );
}
