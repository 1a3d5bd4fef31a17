/**
 * The entries behind one finding of the report: every stored entry of a pass, of a device, or
 * with given ids — held and voided ones included and marked, because the host drilling into a
 * finding needs to see exactly what the report saw.
 */
import type { Entry } from "../../sync/index.js";
import { loadReportContext } from "../report/context.js";
import type { Sql } from "../storage/port.js";

export interface DrillEntry {
  entry: Entry;
  deviceLabel: string;
  correctedAt: number;
  held: boolean;
  voided: boolean;
  holder: string | null;
}

export interface DrillFilter {
  passId?: string | undefined;
  deviceId?: string | undefined;
  ids?: string[] | undefined;
}

export const MAX_DRILL_ENTRIES = 500;

export async function drillDown(sql: Sql, eventId: string, filter: DrillFilter): Promise<{ entries: DrillEntry[]; more: boolean }> {
  const ctx = await loadReportContext(sql, eventId);
  const ids = filter.ids ? new Set(filter.ids) : null;
  const matching = ctx.entries.filter(
    (e) =>
      (filter.passId === undefined || e.entry.passId === filter.passId) &&
      (filter.deviceId === undefined || e.device.id === filter.deviceId) &&
      (ids === null || ids.has(e.entry.id)),
  );
  return {
    entries: matching.slice(0, MAX_DRILL_ENTRIES).map((e) => ({
      entry: e.entry,
      deviceLabel: e.device.label,
      correctedAt: e.correctedAt,
      held: e.held,
      voided: e.voided,
      holder: e.entry.passId ? (ctx.passes.get(e.entry.passId)?.holder ?? null) : null,
    })),
    more: matching.length > MAX_DRILL_ENTRIES,
  };
}
