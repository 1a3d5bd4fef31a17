import { z } from "zod";
import type { RosterItem } from "../../sync/index.js";
import type { Storage } from "../storage/port.js";
import { bumpRosterVersion } from "./events.js";

export const itemSchema = z.object({
  sku: z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/, "must be 1 to 64 letters, digits, '.', '-' or '_'"),
  name: z.string().trim().min(1).max(200),
  priceCents: z.number().int().min(0).max(100_000_000),
  stock: z.number().int().min(0).max(10_000_000),
});

/** Adds an item, or updates the one with this SKU; either way devices get it as a roster change. */
export async function putItem(storage: Storage, eventId: string, item: RosterItem): Promise<{ item: RosterItem; created: boolean }> {
  return storage.transaction(async (tx) => {
    const version = await bumpRosterVersion(tx, eventId);
    const rows = await tx.query<{ created: boolean }>(
      `INSERT INTO items (event_id, sku, name, price_cents, stock, version) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (event_id, sku) DO UPDATE SET name = EXCLUDED.name, price_cents = EXCLUDED.price_cents,
         stock = EXCLUDED.stock, version = EXCLUDED.version
       RETURNING (xmax = 0) AS created`,
      [eventId, item.sku, item.name, item.priceCents, item.stock, version],
    );
    return { item: { sku: item.sku, name: item.name, priceCents: item.priceCents, stock: item.stock }, created: rows[0]!.created };
  });
}
