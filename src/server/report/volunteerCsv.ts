/**
 * The volunteer sections as rows of the host's report CSV (src/server/host/reportCsv.ts): one row
 * per finding, in that file's columns, with a sentence a spreadsheet reader understands.
 */
import type { Report } from "./index.js";
import type { ShiftCash } from "./cash.js";
import type { OversoldItem } from "./oversold.js";
import type { DuplicatePickup } from "./pickups.js";
import type { SalesReport } from "./sales.js";
import type { VoidFinding } from "./voids.js";

type Cell = string | number | boolean | null;
export type VolunteerRow = Partial<
  Record<"section" | "finding" | "pass_id" | "holder" | "device_id" | "device_label" | "entry_id" | "seq" | "corrected_time" | "detail", Cell>
>;

const iso = (ms: number | null | undefined) => (ms === null || ms === undefined ? "" : new Date(ms).toISOString());
/** Amounts in the event's currency units, two decimals, no symbol: the report does not know the currency. */
export const money = (cents: number): string => `${cents < 0 ? "-" : ""}${Math.floor(Math.abs(cents) / 100)}.${String(Math.abs(cents) % 100).padStart(2, "0")}`;

export function volunteerRows(report: Report): VolunteerRow[] {
  const rows: VolunteerRow[] = [];
  const sales = report.sales as SalesReport | undefined;
  if (sales) {
    rows.push({ section: "sales", finding: "total", detail: `${sales.count} sales, ${money(sales.totalCents)} charged; ${sales.voidedCount} voided sales left out` });
    for (const [method, m] of Object.entries(sales.byMethod)) rows.push({ section: "sales", finding: `method ${method}`, detail: `${m.count} sales, ${money(m.totalCents)}` });
    for (const i of sales.byItem) {
      rows.push({ section: "sales", finding: `item ${i.sku}`, detail: `${i.name ?? i.sku}: ${i.quantity} units, ${money(i.totalCents)} (cash ${i.byMethod.cash}, card ${i.byMethod.card}, comp ${i.byMethod.comp})` });
    }
  }
  for (const o of (report.oversold as OversoldItem[] | undefined) ?? []) {
    for (const s of o.sales) {
      rows.push({
        section: "oversold",
        finding: s.pastStock ? "sold past stock" : "sale",
        device_id: s.deviceId,
        device_label: s.deviceLabel,
        entry_id: s.entryId,
        seq: s.seq,
        corrected_time: iso(s.correctedAt),
        detail: `${o.name ?? o.sku} (${o.sku}): ${s.quantity} of ${o.sold} sold against stock ${o.stock}; oversold by ${o.oversoldBy}`,
      });
    }
  }
  for (const d of (report.duplicatePickups as DuplicatePickup[] | undefined) ?? []) {
    for (const p of d.pickups) {
      rows.push({
        section: "duplicate pickups",
        finding: p.duplicate ? "picked up again" : "first pickup",
        pass_id: d.passId,
        holder: d.holder,
        device_id: p.deviceId,
        device_label: p.deviceLabel,
        entry_id: p.entryId,
        seq: p.seq,
        corrected_time: iso(p.correctedAt),
        detail: `${d.entitlement}: ${d.taken} handed over against ${d.entitled} entitled${d.acrossDevices ? ", on more than one device" : ""}`,
      });
    }
  }
  for (const c of (report.cash as ShiftCash[] | undefined) ?? []) {
    const counted = c.countedCents === null ? "not counted" : `counted ${money(c.countedCents)}`;
    const diff = c.differenceCents === null || c.differenceCents === 0 ? "" : `: ${c.differenceCents < 0 ? "short" : "over"} by ${money(Math.abs(c.differenceCents))}`;
    rows.push({
      section: "cash",
      finding: c.status === "not_counted" ? "not counted" : c.status,
      device_id: c.deviceId,
      device_label: c.deviceLabel,
      entry_id: c.countEntryId,
      corrected_time: iso(c.countedAt),
      detail: `${c.shift}: expected ${money(c.expectedCents)} (cash sales ${money(c.cashSalesCents)} less ${money(c.refundsCents)} paid back), ${counted}${diff}${c.complete ? "" : "; entries still missing from this device"}`,
    });
  }
  for (const v of (report.voids as VoidFinding[] | undefined) ?? []) {
    const what = v.target ? `${v.target.type} ${v.target.entryId} on ${v.target.deviceLabel}${v.target.totalCents !== null ? ` (${money(v.target.totalCents)} ${v.target.method})` : ""}` : `${v.voids} (not on the server)`;
    rows.push({
      section: "voids",
      finding: v.repeated ? "void (already voided)" : "void",
      pass_id: v.target?.passId ?? null,
      device_id: v.deviceId,
      device_label: v.deviceLabel,
      entry_id: v.entryId,
      seq: v.seq,
      corrected_time: iso(v.correctedAt),
      detail: `voids ${what}: ${v.reason}`,
    });
  }
  return rows;
}
