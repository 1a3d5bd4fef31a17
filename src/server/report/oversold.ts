import { sighting, type Sighting } from "./context.js";
import { volunteerLedger } from "./ledger.js";
import type { ReportSection } from "./section.js";

export interface OversoldItem {
  sku: string;
  name: string | null;
  stock: number;
  sold: number;
  /** sold − stock */
  oversoldBy: number;
  /** every device that sold the item, with how many */
  devices: { deviceId: string; deviceLabel: string; quantity: number }[];
  /** the sales, in corrected-time order; pastStock marks the ones that took it below zero */
  sales: (Sighting & { quantity: number; pastStock: boolean })[];
}

/** Items sold beyond their stock across devices (offline tables cannot see each other's sales). */
export const oversold: ReportSection<OversoldItem[]> = {
  key: "oversold",
  build(ctx) {
    const l = volunteerLedger(ctx);
    const bySku = new Map<string, { entry: (typeof l.sales)[number]; quantity: number }[]>();
    for (const s of l.sales) {
      if (l.voidOf.has(s.entry.id)) continue;
      for (const line of s.entry.data.lines) {
        const list = bySku.get(line.sku) ?? [];
        list.push({ entry: s, quantity: line.quantity });
        bySku.set(line.sku, list);
      }
    }
    const out: OversoldItem[] = [];
    for (const [sku, list] of bySku) {
      const item = ctx.items.get(sku);
      // An item the catalog does not know has no stock to be oversold against.
      if (!item) continue;
      const sold = list.reduce((t, x) => t + x.quantity, 0);
      if (sold <= item.stock) continue;
      const devices = new Map<string, OversoldItem["devices"][number]>();
      let running = 0;
      const rows: OversoldItem["sales"] = [];
      for (const { entry, quantity } of list) {
        running += quantity;
        rows.push({ ...sighting(entry), quantity, pastStock: running > item.stock });
        const d = devices.get(entry.device.id) ?? { deviceId: entry.device.id, deviceLabel: entry.device.label, quantity: 0 };
        d.quantity += quantity;
        devices.set(entry.device.id, d);
      }
      out.push({ sku, name: item.name, stock: item.stock, sold, oversoldBy: sold - item.stock, devices: [...devices.values()], sales: rows });
    }
    return out.sort((a, b) => (a.sku < b.sku ? -1 : 1));
  },
};
