/**
 * What volunteer mode derives and keeps in IndexedDB (schema v3), one type and one validator per
 * record. Every row here is rebuilt from the log and the pulled entries by ./reduce.ts: none of it
 * is a record of truth, so a bug here is fixed by a rebuild, never by lost sales.
 */
import { z } from "zod";
import { PAYMENT_METHODS, saleLineSchema } from "../../sync/index.js";

const flag = z.union([z.literal(0), z.literal(1)]);

/** Net units sold of one sku across every device this one has heard from (voided sales excluded). */
export const stockRecordSchema = z.object({ sku: z.string(), sold: z.number().int() });
export type StockRecord = z.infer<typeof stockRecordSchema>;

/**
 * One sale or pickup, from any device, with whether it was voided. Keyed by entry id so a void
 * finds its target in one read; indexed by passId for the pickup desk.
 */
export const ledgerRecordSchema = z.object({
  id: z.string(),
  type: z.enum(["sale", "pickup"]),
  deviceId: z.string(),
  seq: z.number().int(),
  at: z.number(),
  /** the recording device's label, else its id */
  where: z.string(),
  /** pickups only; "" for sales (IndexedDB cannot index undefined) */
  passId: z.string(),
  lines: z.array(saleLineSchema),
  method: z.enum(PAYMENT_METHODS).nullable(),
  totalCents: z.number().int(),
  shift: z.string().nullable(),
  items: z.record(z.string(), z.number()),
  voided: flag,
});
export type LedgerRecord = z.infer<typeof ledgerRecordSchema>;

/**
 * The first void seen for a target entry. Kept apart from the ledger because a void can arrive
 * before the entry it voids (pulled pages interleave devices): the target then finds it here.
 */
export const voidRecordSchema = z.object({
  target: z.string(),
  id: z.string(),
  deviceId: z.string(),
  at: z.number(),
  reason: z.string(),
  shift: z.string().nullable(),
});
export type VoidRecord = z.infer<typeof voidRecordSchema>;

/** One of this device's cash-drawer shifts. Only this device's own entries move these rows. */
export const shiftRecordSchema = z.object({
  id: z.string(),
  /** 1, 2, 3 … in the order this device opened them */
  n: z.number().int().min(1),
  openedAt: z.number(),
  closed: flag,
  closedAt: z.number().nullable(),
  cashSalesCents: z.number().int(),
  /** cash paid back for voided cash sales, voided during this shift */
  refundsCents: z.number().int(),
  sales: z.number().int(),
  countedCents: z.number().int().nullable(),
  expectedCents: z.number().int().nullable(),
});
export type ShiftRecord = z.infer<typeof shiftRecordSchema>;

export const expectedCash = (s: Pick<ShiftRecord, "cashSalesCents" | "refundsCents">): number => s.cashSalesCents - s.refundsCents;

export const shiftId = (n: number): string => `shift-${n}`;

/** The stores Dexie declares for these tables in schema v3. */
export const VOLUNTEER_STORES = {
  stock: "sku",
  ledger: "id, passId, deviceId, [deviceId+seq]",
  voids: "target",
  shifts: "id, closed, n",
} as const;
export const VOLUNTEER_TABLES = Object.keys(VOLUNTEER_STORES) as (keyof typeof VOLUNTEER_STORES)[];
