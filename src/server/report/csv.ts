import { csvCell } from "../../sync/csv.js";
import type { Sql } from "../storage/port.js";
import { loadReportContext } from "./context.js";

const COLUMNS = [
  "corrected_time",
  "device_time",
  "corrected_ms",
  "device_ms",
  "device_id",
  "device_label",
  "seq",
  "entry_id",
  "type",
  "pass_id",
  "holder",
  "verdict",
  "held_behind_gap",
  "voided",
  "data",
] as const;

const iso = (ms: number) => new Date(ms).toISOString();

/** The whole log, stored entries only, in corrected-time order. */
export async function entriesCsv(sql: Sql, eventId: string): Promise<string> {
  const ctx = await loadReportContext(sql, eventId);
  const lines = [COLUMNS.join(",")];
  for (const e of ctx.entries) {
    const { entry } = e;
    const data = (entry as { data?: Record<string, unknown> }).data;
    const verdict = typeof data?.verdict === "string" ? data.verdict : entry.type === "admit" ? "ADMIT" : "";
    const row = [
      iso(e.correctedAt),
      iso(entry.at),
      e.correctedAt,
      entry.at,
      e.device.id,
      e.device.label,
      entry.seq,
      entry.id,
      entry.type,
      entry.passId ?? "",
      entry.passId ? (ctx.passes.get(entry.passId)?.holder ?? "") : "",
      verdict,
      e.held,
      e.voided,
      data === undefined ? "" : JSON.stringify(data),
    ];
    lines.push(row.map(csvCell).join(","));
  }
  return lines.join("\r\n") + "\r\n";
}
