/**
 * Volunteer state in IndexedDB: reads the rows a batch of entries touches, runs the pure reducer,
 * writes what changed. Call inside a transaction that includes the volunteer tables (see
 * volunteerTables), so the derived rows commit with the entries they come from.
 */
import type { Transaction } from "dexie";
import type { Entry } from "../../sync/index.js";
import type { DoorlistDB } from "../db/database.js";
import { ledgerRecordSchema, shiftRecordSchema, stockRecordSchema, voidRecordSchema, type LedgerRecord } from "./records.js";
import { movesVolunteerState, reduceVolunteer, volunteerKeys, withTargetShifts, withTargetSkus, type VolunteerSnapshot } from "./reduce.js";

/** The derived volunteer tables, for a transaction's scope. */
export function volunteerTables(db: DoorlistDB) {
  return [db.stock, db.ledger, db.voids, db.shifts];
}

function byKey<T, K>(rows: readonly (T | undefined)[], key: (row: T) => K): Map<K, T> {
  const m = new Map<K, T>();
  for (const r of rows) if (r !== undefined) m.set(key(r), r);
  return m;
}

/**
 * Applies entries (this device's or pulled ones) to the derived volunteer tables. Entries of other
 * types are ignored, so the pull can hand over a whole page. Returns whether anything changed.
 */
export async function applyVolunteerEntries(db: DoorlistDB, entries: readonly Entry[], ownDeviceId: string): Promise<boolean> {
  const relevant = entries.filter(movesVolunteerState);
  if (relevant.length === 0) return false;
  const keys = volunteerKeys(relevant, ownDeviceId);
  const [ledgerRows, voidRows] = await Promise.all([db.ledger.bulkGet(keys.ledgerIds), db.voids.bulkGet(keys.voidTargets)]);
  const ledger = byKey(ledgerRows.map((r) => r && ledgerRecordSchema.parse(r)), (r: LedgerRecord) => r.id);
  // Second round: what the targets already held point at (their skus, their shifts).
  const [stockRows, shiftRows] = await Promise.all([
    db.stock.bulkGet(withTargetSkus(keys, ledger)),
    db.shifts.bulkGet(withTargetShifts(keys, ledger, ownDeviceId)),
  ]);
  const snap: VolunteerSnapshot = {
    stock: byKey(stockRows.map((r) => r && stockRecordSchema.parse(r)), (r) => r.sku),
    ledger,
    voids: byKey(voidRows.map((r) => r && voidRecordSchema.parse(r)), (r) => r.target),
    shifts: byKey(shiftRows.map((r) => r && shiftRecordSchema.parse(r)), (r) => r.id),
  };
  const ch = reduceVolunteer(snap, relevant, ownDeviceId);
  await Promise.all([
    ch.stock.length > 0 ? db.stock.bulkPut(ch.stock) : undefined,
    ch.ledger.length > 0 ? db.ledger.bulkPut(ch.ledger) : undefined,
    ch.voids.length > 0 ? db.voids.bulkPut(ch.voids) : undefined,
    ch.shifts.length > 0 ? db.shifts.bulkPut(ch.shifts) : undefined,
  ]);
  return ch.stock.length + ch.ledger.length + ch.voids.length + ch.shifts.length > 0;
}

/**
 * The v2 → v3 upgrade (and any rebuild): clears the derived volunteer tables and folds in every
 * entry held, this device's log first, then the pulled ones. The log and outbox are only read.
 */
export async function rebuildVolunteer(tx: Transaction): Promise<void> {
  const own = (await tx.table("log").toArray()) as Entry[];
  const remote = (await tx.table("remote").toArray()) as Entry[];
  const idRow = (await tx.table("meta").get("identity")) as { value?: { deviceId?: unknown } } | undefined;
  const ownDeviceId = typeof idRow?.value?.deviceId === "string" ? idRow.value.deviceId : (own[0]?.deviceId ?? "");
  const empty: VolunteerSnapshot = { stock: new Map(), ledger: new Map(), voids: new Map(), shifts: new Map() };
  const ch = reduceVolunteer(empty, [...own, ...remote].filter(movesVolunteerState), ownDeviceId);
  await Promise.all(["stock", "ledger", "voids", "shifts"].map((t) => tx.table(t).clear()));
  await tx.table("stock").bulkPut(ch.stock);
  await tx.table("ledger").bulkPut(ch.ledger);
  await tx.table("voids").bulkPut(ch.voids);
  await tx.table("shifts").bulkPut(ch.shifts);
}
