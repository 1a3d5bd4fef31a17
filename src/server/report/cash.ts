import { volunteerLedger } from "./ledger.js";
import type { ReportSection } from "./section.js";

/** Sales recorded without a shift (another client, an older build) are grouped under this. */
export const NO_SHIFT = "(no shift)";

export type CashStatus = "balanced" | "short" | "over" | "not_counted";

export interface ShiftCash {
  deviceId: string;
  deviceLabel: string;
  shift: string;
  cashSales: number;
  cashSalesCents: number;
  /** cash paid back for cash sales voided during this shift, on this device */
  refundsCents: number;
  /** cash sales − refunds, from the served log */
  expectedCents: number;
  /** what the device showed the volunteer when they counted; differs from expectedCents when the device held sales the server has not */
  deviceExpectedCents: number | null;
  countedCents: number | null;
  /** counted − expected; negative when the drawer is short */
  differenceCents: number | null;
  countedAt: number | null;
  countEntryId: string | null;
  status: CashStatus;
  /** false while some of this device's entries wait behind a gap: expected cash may still move */
  complete: boolean;
}

/** Cash expected against cash counted, per device and shift. */
export const cashCounts: ReportSection<ShiftCash[]> = {
  key: "cash",
  build(ctx) {
    const l = volunteerLedger(ctx);
    const heldDevices = new Set(ctx.entries.filter((e) => e.held).map((e) => e.device.id));
    const rows = new Map<string, ShiftCash>();
    const row = (device: { id: string; label: string }, shift: string): ShiftCash => {
      const key = `${device.id}\u0000${shift}`;
      let r = rows.get(key);
      if (!r) {
        r = {
          deviceId: device.id,
          deviceLabel: device.label,
          shift,
          cashSales: 0,
          cashSalesCents: 0,
          refundsCents: 0,
          expectedCents: 0,
          deviceExpectedCents: null,
          countedCents: null,
          differenceCents: null,
          countedAt: null,
          countEntryId: null,
          status: "not_counted",
          complete: !heldDevices.has(device.id),
        };
        rows.set(key, r);
      }
      return r;
    };
    for (const s of l.sales) {
      if (s.entry.data.method !== "cash") continue;
      const r = row(s.device, s.entry.data.shift ?? NO_SHIFT);
      r.cashSales++;
      r.cashSalesCents += s.entry.data.totalCents;
    }
    // A voided cash sale is paid back from the drawer of the device and shift that voided it.
    for (const [targetId, v] of l.voidOf) {
      const target = l.byId.get(targetId);
      if (!target || target.entry.type !== "sale" || target.entry.data.method !== "cash") continue;
      const shift = v.entry.data.shift ?? (v.device.id === target.device.id ? target.entry.data.shift : undefined) ?? NO_SHIFT;
      row(v.device, shift).refundsCents += target.entry.data.totalCents;
    }
    // The latest count of a shift is the one that stands (a recount replaces it).
    for (const c of l.cashCounts) {
      const r = row(c.device, c.entry.data.shift);
      r.countedCents = c.entry.data.countedCents;
      r.deviceExpectedCents = c.entry.data.expectedCents ?? null;
      r.countedAt = c.correctedAt;
      r.countEntryId = c.entry.id;
    }
    for (const r of rows.values()) {
      r.expectedCents = r.cashSalesCents - r.refundsCents;
      if (r.countedCents !== null) {
        r.differenceCents = r.countedCents - r.expectedCents;
        r.status = r.differenceCents === 0 ? "balanced" : r.differenceCents < 0 ? "short" : "over";
      }
    }
    return [...rows.values()].sort((a, b) => (a.deviceLabel < b.deviceLabel ? -1 : a.deviceLabel > b.deviceLabel ? 1 : a.shift < b.shift ? -1 : a.shift > b.shift ? 1 : 0));
  },
};
