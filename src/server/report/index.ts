import type { EventInfo } from "../../sync/index.js";
import type { Sql } from "../storage/port.js";
import { duplicateAdmissions } from "./admissions.js";
import { loadReportContext } from "./context.js";
import { counts } from "./counts.js";
import { deviceClocks, neverSynced } from "./devices.js";
import { deviceGaps } from "./gaps.js";
import { revokedAdmissions } from "./revoked.js";
import { cashCounts } from "./cash.js";
import { oversold } from "./oversold.js";
import { duplicatePickups } from "./pickups.js";
import { sales } from "./sales.js";
import { voidsReport } from "./voids.js";
import type { ReportSection } from "./section.js";

/** The report's sections, in the order they appear. New sections (sales, pickups, cash) are added here. */
export const SECTIONS: readonly ReportSection[] = [
  counts,
  duplicateAdmissions,
  revokedAdmissions,
  deviceGaps,
  neverSynced,
  deviceClocks,
  // volunteer mode: sales, stock, pickups, cash drawers, voids
  sales,
  oversold,
  duplicatePickups,
  cashCounts,
  voidsReport,
];

export type Report = { event: EventInfo; generatedAt: number; complete: boolean } & Record<string, unknown>;

export async function buildReport(sql: Sql, eventId: string, sections: readonly ReportSection[] = SECTIONS): Promise<Report> {
  const ctx = await loadReportContext(sql, eventId);
  const report: Report = {
    event: ctx.event,
    generatedAt: ctx.generatedAt,
    // An incomplete log must never look complete: false while any entry waits behind a gap
    // or any enrolled device has never synced.
    complete: ctx.entries.every((e) => !e.held) && ctx.devices.every((d) => d.lastSyncAt !== null || d.revokedAt !== null),
  };
  for (const s of sections) report[s.key] = s.build(ctx);
  return report;
}
