/**
 * The reconciliation report as one flat CSV: one row per finding, with the section it belongs to,
 * the pass and device it is about, the entry that shows it and a sentence a spreadsheet reader
 * understands. Every cell goes through the log export's csvCell, which defuses formula injection
 * (holder names and labels come from people and devices).
 */
import type { DuplicateAdmission } from "../report/admissions.js";
import { csvCell } from "../../sync/csv.js";
import type { Counts } from "../report/counts.js";
import type { DeviceClock, SilentDevice } from "../report/devices.js";
import type { DeviceGap } from "../report/gaps.js";
import type { Report } from "../report/index.js";
import type { RevokedAdmission } from "../report/revoked.js";
import { volunteerRows } from "../report/volunteerCsv.js";

const COLUMNS = ["section", "finding", "pass_id", "holder", "device_id", "device_label", "entry_id", "seq", "corrected_time", "detail"] as const;
type Row = Partial<Record<(typeof COLUMNS)[number], string | number | boolean | null>>;

const iso = (ms: number | null | undefined) => (ms === null || ms === undefined ? "" : new Date(ms).toISOString());
const range = (r: { from: number; to: number }) => (r.from === r.to ? `${r.from}` : `${r.from}-${r.to}`);

export function reportRows(report: Report): Row[] {
  const rows: Row[] = [];
  rows.push({ section: "summary", finding: "complete", detail: report.complete ? "yes" : "no: entries are still missing from some devices" });
  const counts = report.counts as Counts | undefined;
  if (counts) {
    rows.push({ section: "summary", finding: "entries", detail: `${counts.entries} stored, ${counts.served} served, ${counts.heldBehindGaps} held behind gaps, ${counts.voided} voided` });
    rows.push({ section: "summary", finding: "passes admitted", detail: String(counts.passesAdmitted) });
    for (const [verdict, n] of Object.entries(counts.byVerdict)) rows.push({ section: "summary", finding: `verdict ${verdict}`, detail: String(n) });
  }
  for (const d of (report.duplicateAdmissions as DuplicateAdmission[] | undefined) ?? []) {
    for (const a of d.admissions) {
      rows.push({
        section: "duplicate admissions",
        finding: a.duplicate ? (a.override ? "admitted again (staff override)" : "admitted again") : "first admission",
        pass_id: d.passId,
        holder: d.holder,
        device_id: a.deviceId,
        device_label: a.deviceLabel,
        entry_id: a.entryId,
        seq: a.seq,
        corrected_time: iso(a.correctedAt),
        detail: d.acrossDevices ? "on more than one device" : "on one device",
      });
    }
  }
  for (const r of (report.admittedAfterRevocation as RevokedAdmission[] | undefined) ?? []) {
    rows.push({
      section: "admitted after revocation",
      finding: "admitted a revoked pass",
      pass_id: r.passId,
      holder: r.holder,
      device_id: r.deviceId,
      device_label: r.deviceLabel,
      entry_id: r.entryId,
      seq: r.seq,
      corrected_time: iso(r.correctedAt),
      detail: `revoked ${iso(r.revokedAt)}${r.reason ? `: ${r.reason}` : ""}`,
    });
  }
  for (const g of (report.deviceGaps as DeviceGap[] | undefined) ?? []) {
    rows.push({
      section: "missing entries",
      finding: "sequence gap",
      device_id: g.deviceId,
      device_label: g.deviceLabel,
      detail: `acknowledged through ${g.ackedThroughSeq}; missing ${g.missing.map(range).join(", ")}; ${g.heldEntries} entries held behind the gap`,
    });
  }
  for (const s of (report.devicesNeverSynced as SilentDevice[] | undefined) ?? []) {
    rows.push({ section: "never synced", finding: s.revoked ? "revoked, never synced" : "never synced", device_id: s.deviceId, device_label: s.deviceLabel, detail: `${s.role}, enrolled ${iso(s.enrolledAt)}` });
  }
  for (const c of (report.clocks as DeviceClock[] | undefined) ?? []) {
    if (!c.clockOff) continue;
    rows.push({ section: "clocks", finding: "clock off", device_id: c.deviceId, device_label: c.deviceLabel, detail: `off by ${Math.round((c.clockOffsetMs ?? 0) / 1000)} s (server minus device); times are corrected` });
  }
  // Sales, oversold items, duplicate pickups, cash drawers and voids (volunteer mode).
  rows.push(...volunteerRows(report));
  return rows;
}

export function reportCsv(report: Report): string {
  const lines = [COLUMNS.join(",")];
  for (const row of reportRows(report)) lines.push(COLUMNS.map((c) => csvCell(row[c] ?? "")).join(","));
  return lines.join("\r\n") + "\r\n";
}
