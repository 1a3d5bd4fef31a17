/** The catalog with stock left, for the Sell tab. */
import type { DoorlistDB } from "../db/database.js";
import { itemRecordSchema } from "../db/records.js";
import { stockRecordSchema } from "./records.js";
import type { CatalogItem } from "./types.js";

export async function catalog(db: DoorlistDB): Promise<CatalogItem[]> {
  const items = (await db.items.toArray()).map((i) => itemRecordSchema.parse(i));
  const sold = await db.stock.bulkGet(items.map((i) => i.sku));
  return items
    .map((item, i): CatalogItem => {
      const s = sold[i] ? stockRecordSchema.parse(sold[i]).sold : 0;
      return { sku: item.sku, name: item.name, priceCents: item.priceCents, stock: item.stock, sold: s, left: item.stock - s };
    })
    .sort((a, b) => a.name.localeCompare(b.name) || (a.sku < b.sku ? -1 : 1));
}
