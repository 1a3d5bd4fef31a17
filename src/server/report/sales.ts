import type { PaymentMethod } from "../../sync/index.js";
import { PAYMENT_METHODS } from "../../sync/index.js";
import { volunteerLedger } from "./ledger.js";
import type { ReportSection } from "./section.js";

export interface ItemSales {
  sku: string;
  name: string | null;
  /** units handed over, comps included, voided sales excluded */
  quantity: number;
  /** what was charged for them (comps charge nothing) */
  totalCents: number;
  byMethod: Record<PaymentMethod, number>;
}

export interface SalesReport {
  /** sales not voided */
  count: number;
  totalCents: number;
  voidedCount: number;
  byMethod: Record<PaymentMethod, { count: number; totalCents: number }>;
  byItem: ItemSales[];
}

/** Sales per item and per payment method, from served entries, voided sales left out. */
export const sales: ReportSection<SalesReport> = {
  key: "sales",
  build(ctx) {
    const l = volunteerLedger(ctx);
    const byMethod = Object.fromEntries(PAYMENT_METHODS.map((m) => [m, { count: 0, totalCents: 0 }])) as SalesReport["byMethod"];
    const items = new Map<string, ItemSales>();
    const r: SalesReport = { count: 0, totalCents: 0, voidedCount: 0, byMethod, byItem: [] };
    for (const { entry } of l.sales) {
      if (l.voidOf.has(entry.id)) {
        r.voidedCount++;
        continue;
      }
      const { method, totalCents, lines } = entry.data;
      r.count++;
      r.totalCents += totalCents;
      byMethod[method].count++;
      byMethod[method].totalCents += totalCents;
      for (const line of lines) {
        const it = items.get(line.sku) ?? {
          sku: line.sku,
          name: ctx.items.get(line.sku)?.name ?? null,
          quantity: 0,
          totalCents: 0,
          byMethod: Object.fromEntries(PAYMENT_METHODS.map((m) => [m, 0])) as Record<PaymentMethod, number>,
        };
        it.quantity += line.quantity;
        if (method !== "comp") it.totalCents += line.quantity * line.unitCents;
        it.byMethod[method] += line.quantity;
        items.set(line.sku, it);
      }
    }
    r.byItem = [...items.values()].sort((a, b) => (a.sku < b.sku ? -1 : 1));
    return r;
  },
};
