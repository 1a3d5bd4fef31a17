/**
 * Volunteer state as a pure function of entries: stock sold per sku, the sales and pickups of
 * every device with their void status, and this device's cash-drawer shifts. The sale and pickup
 * transactions, the pull and the v3 upgrade all run entries through here, so a sale made on
 * another device reads exactly like one made on this one.
 *
 * Order-independent: pulled pages interleave devices, so a void may arrive before the sale it
 * voids. The first void of a target is kept on its own (the voids table); whichever of the two
 * arrives second applies the effect. Applying an entry that is already held changes nothing.
 */
import type { Entry, EntryOf } from "../../sync/index.js";
import { shiftId, type LedgerRecord, type ShiftRecord, type StockRecord, type VoidRecord } from "./records.js";

export interface VolunteerSnapshot {
  stock: ReadonlyMap<string, StockRecord>;
  ledger: ReadonlyMap<string, LedgerRecord>;
  voids: ReadonlyMap<string, VoidRecord>;
  shifts: ReadonlyMap<string, ShiftRecord>;
}

/** Only the rows that changed, ready to bulkPut. */
export interface VolunteerChanges {
  stock: StockRecord[];
  ledger: LedgerRecord[];
  voids: VoidRecord[];
  shifts: ShiftRecord[];
}

/** What a snapshot must hold (where it exists) for `reduceVolunteer` to see every row it touches. */
export interface VolunteerKeys {
  skus: string[];
  ledgerIds: string[];
  voidTargets: string[];
  shiftIds: string[];
}

export function movesVolunteerState(e: Entry): boolean {
  return e.type === "sale" || e.type === "pickup" || e.type === "void" || e.type === "cash_count";
}

export function volunteerKeys(entries: readonly Entry[], ownDeviceId: string): VolunteerKeys {
  const skus = new Set<string>();
  const ids = new Set<string>();
  const shifts = new Set<string>();
  for (const e of entries) {
    const own = e.deviceId === ownDeviceId;
    if (e.type === "sale") {
      for (const l of e.data.lines) skus.add(l.sku);
      ids.add(e.id);
      if (own && e.data.shift) shifts.add(e.data.shift);
    } else if (e.type === "pickup") ids.add(e.id);
    else if (e.type === "void") {
      ids.add(e.data.voids);
      if (own && e.data.shift) shifts.add(e.data.shift);
    } else if (e.type === "cash_count" && own) shifts.add(e.data.shift);
  }
  // A void's target may be a sale whose skus are not in this batch: the caller adds them once it
  // has read the ledger (see withTargetSkus).
  return { skus: [...skus], ledgerIds: [...ids], voidTargets: [...ids], shiftIds: [...shifts] };
}

/** The shifts of this device's ledger rows, which a void without a shift of its own pays back from. */
export function withTargetShifts(keys: VolunteerKeys, ledger: ReadonlyMap<string, LedgerRecord>, ownDeviceId: string): string[] {
  const ids = new Set(keys.shiftIds);
  for (const row of ledger.values()) if (row.deviceId === ownDeviceId && row.shift !== null) ids.add(row.shift);
  return [...ids];
}

/** The skus of void targets already in the ledger, which a void gives back to stock. */
export function withTargetSkus(keys: VolunteerKeys, ledger: ReadonlyMap<string, LedgerRecord>): string[] {
  const skus = new Set(keys.skus);
  for (const row of ledger.values()) for (const l of row.lines) skus.add(l.sku);
  return [...skus];
}

const labelOf = (e: Entry): string => {
  const label = e.data && "label" in e.data ? e.data.label : undefined;
  return typeof label === "string" && label.length > 0 ? label : e.deviceId;
};

function newShift(id: string, at: number): ShiftRecord {
  const m = /^shift-(\d+)$/.exec(id);
  return {
    id,
    n: m ? Math.max(1, Number(m[1])) : 1,
    openedAt: at,
    closed: 0,
    closedAt: null,
    cashSalesCents: 0,
    refundsCents: 0,
    sales: 0,
    countedCents: null,
    expectedCents: null,
  };
}

export function reduceVolunteer(snap: VolunteerSnapshot, entries: readonly Entry[], ownDeviceId: string): VolunteerChanges {
  const stock = new Map<string, StockRecord>();
  const ledger = new Map<string, LedgerRecord>();
  const voids = new Map<string, VoidRecord>();
  const shifts = new Map<string, ShiftRecord>();

  const getLedger = (id: string) => ledger.get(id) ?? snap.ledger.get(id);
  const getVoid = (id: string) => voids.get(id) ?? snap.voids.get(id);
  const addSold = (sku: string, n: number): void => {
    const prev = stock.get(sku) ?? snap.stock.get(sku) ?? { sku, sold: 0 };
    stock.set(sku, { sku, sold: prev.sold + n });
  };
  const shift = (id: string, at: number): ShiftRecord => {
    const prev = shifts.get(id) ?? snap.shifts.get(id);
    const next = prev ? { ...prev, openedAt: Math.min(prev.openedAt, at) } : newShift(id, at);
    shifts.set(id, next);
    return next;
  };
  /** A voided cash sale is paid back from the drawer of the shift the void was made in. */
  const refund = (v: VoidRecord, target: LedgerRecord): void => {
    if (v.deviceId !== ownDeviceId || target.type !== "sale" || target.method !== "cash") return;
    // A void without a shift (another client) falls back to the sale's shift only when the same
    // device made both: another device's shift names say nothing about this drawer.
    const id = v.shift ?? (target.deviceId === v.deviceId ? target.shift : null);
    if (id === null) return;
    const s = shift(id, v.at);
    s.refundsCents += target.totalCents;
  };

  const applySale = (e: EntryOf<"sale">): void => {
    if (getLedger(e.id)) return;
    const v = getVoid(e.id);
    const row: LedgerRecord = {
      id: e.id,
      type: "sale",
      deviceId: e.deviceId,
      seq: e.seq,
      at: e.at,
      where: labelOf(e),
      passId: "",
      lines: e.data.lines.map((l) => ({ sku: l.sku, quantity: l.quantity, unitCents: l.unitCents })),
      method: e.data.method,
      totalCents: e.data.totalCents,
      shift: e.data.shift ?? null,
      items: {},
      voided: v ? 1 : 0,
    };
    ledger.set(e.id, row);
    if (!v) for (const l of row.lines) addSold(l.sku, l.quantity);
    if (e.deviceId === ownDeviceId && row.shift !== null) {
      const s = shift(row.shift, e.at);
      s.sales += 1;
      if (row.method === "cash") s.cashSalesCents += row.totalCents;
    }
    if (v) refund(v, row);
  };

  const applyPickup = (e: EntryOf<"pickup">): void => {
    if (getLedger(e.id)) return;
    ledger.set(e.id, {
      id: e.id,
      type: "pickup",
      deviceId: e.deviceId,
      seq: e.seq,
      at: e.at,
      where: labelOf(e),
      passId: e.passId,
      lines: [],
      method: null,
      totalCents: 0,
      shift: null,
      items: { ...e.data.items },
      voided: getVoid(e.id) ? 1 : 0,
    });
  };

  const applyVoid = (e: EntryOf<"void">): void => {
    // A second void of the same entry (or this one again) changes nothing: it was undone once.
    if (getVoid(e.data.voids)) return;
    const v: VoidRecord = { target: e.data.voids, id: e.id, deviceId: e.deviceId, at: e.at, reason: e.data.reason, shift: e.data.shift ?? null };
    voids.set(v.target, v);
    const target = getLedger(v.target);
    if (!target || target.voided === 1) return;
    ledger.set(target.id, { ...target, voided: 1 });
    for (const l of target.lines) addSold(l.sku, -l.quantity);
    refund(v, target);
  };

  const applyCashCount = (e: EntryOf<"cash_count">): void => {
    if (e.deviceId !== ownDeviceId) return;
    const s = shift(e.data.shift, e.at);
    s.closed = 1;
    s.closedAt = e.at;
    s.countedCents = e.data.countedCents;
    s.expectedCents = e.data.expectedCents ?? s.cashSalesCents - s.refundsCents;
  };

  for (const e of entries) {
    if (e.type === "sale") applySale(e);
    else if (e.type === "pickup") applyPickup(e);
    else if (e.type === "void") applyVoid(e);
    else if (e.type === "cash_count") applyCashCount(e);
  }
  return { stock: [...stock.values()], ledger: [...ledger.values()], voids: [...voids.values()], shifts: [...shifts.values()] };
}

/** The shift a new sale belongs to: the open one, else the next after the last closed one. */
export function currentShift(all: readonly ShiftRecord[], now: number): { shift: ShiftRecord; isNew: boolean } {
  const open = all.filter((s) => s.closed === 0).sort((a, b) => b.n - a.n)[0];
  if (open) return { shift: open, isNew: false };
  const n = all.reduce((max, s) => Math.max(max, s.n), 0) + 1;
  return { shift: newShift(shiftId(n), now), isNew: true };
}
