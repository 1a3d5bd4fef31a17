/** This device's recent sales and pickups, newest first, with their void status, for the Recent tab. */
import type { DoorlistDB } from "../db/database.js";
import { itemRecordSchema, passRecordSchema } from "../db/records.js";
import { ledgerRecordSchema, voidRecordSchema } from "./records.js";
import type { RecentEntry } from "./types.js";

/** How far back the log is read to find them: door entries on a shared device are skipped over. */
const SCAN_BACK = 1000;

export async function recent(db: DoorlistDB, limit = 30): Promise<RecentEntry[]> {
  const max = Math.max(1, Math.min(limit, 200));
  const own = (await db.log.reverse().limit(SCAN_BACK).toArray()).filter((e) => e.type === "sale" || e.type === "pickup").slice(0, max);
  const ids = own.map((e) => e.id);
  const [ledger, voids, items] = await Promise.all([db.ledger.bulkGet(ids), db.voids.bulkGet(ids), db.items.toArray()]);
  const names = new Map(items.map((i) => itemRecordSchema.parse(i)).map((i) => [i.sku, i.name]));
  const passIds = [...new Set(own.flatMap((e) => (e.type === "pickup" ? [e.passId] : [])))];
  const passes = new Map<string, string>();
  for (const p of await db.getPasses(passIds)) if (p) passes.set(p.id, passRecordSchema.parse(p).holder);
  return own.map((e, i): RecentEntry => {
    const row = ledger[i] ? ledgerRecordSchema.parse(ledger[i]) : undefined;
    const v = voids[i] ? voidRecordSchema.parse(voids[i]) : undefined;
    const base = { entryId: e.id, at: e.at, voided: row?.voided === 1 || v !== undefined, voidReason: v?.reason ?? null };
    if (e.type === "sale") {
      return {
        ...base,
        type: "sale",
        lines: e.data.lines.map((l) => ({ ...l, name: names.get(l.sku) ?? l.sku })),
        method: e.data.method,
        totalCents: e.data.totalCents,
        passId: null,
        holder: null,
        items: {},
      };
    }
    const passId = e.type === "pickup" ? e.passId : null;
    return {
      ...base,
      type: "pickup",
      lines: [],
      method: null,
      totalCents: 0,
      passId,
      holder: passId ? (passes.get(passId) ?? null) : null,
      items: e.type === "pickup" ? e.data.items : {},
    };
  });
}
