/**
 * The volunteer side of the log, as the sales, stock, pickup, cash and void sections read it:
 * served entries only (each device's contiguous prefix, like the rest of the report), and the
 * void that counts for each target — the first served one in corrected time. A void waiting
 * behind a gap cancels nothing yet, so the report never shows a refund the log cannot prove.
 */
import type { EntryOf } from "../../sync/index.js";
import type { ReportContext, ReportEntry } from "./context.js";

export type Served<T extends "sale" | "pickup" | "void" | "cash_count"> = ReportEntry & { entry: EntryOf<T> };

export interface VolunteerLedger {
  sales: Served<"sale">[];
  pickups: Served<"pickup">[];
  voids: Served<"void">[];
  cashCounts: Served<"cash_count">[];
  /** target entry id → the void that cancels it */
  voidOf: Map<string, Served<"void">>;
  /** entry id → the served sale or pickup */
  byId: Map<string, Served<"sale"> | Served<"pickup">>;
}

const cache = new WeakMap<ReportContext, VolunteerLedger>();

export function volunteerLedger(ctx: ReportContext): VolunteerLedger {
  const hit = cache.get(ctx);
  if (hit) return hit;
  const l: VolunteerLedger = { sales: [], pickups: [], voids: [], cashCounts: [], voidOf: new Map(), byId: new Map() };
  // ctx.entries is in corrected-time order, so the first void seen for a target is the earliest.
  for (const e of ctx.entries) {
    if (e.held) continue;
    const t = e.entry.type;
    if (t === "sale") {
      l.sales.push(e as Served<"sale">);
      l.byId.set(e.entry.id, e as Served<"sale">);
    } else if (t === "pickup") {
      l.pickups.push(e as Served<"pickup">);
      l.byId.set(e.entry.id, e as Served<"pickup">);
    } else if (t === "void") {
      const v = e as Served<"void">;
      l.voids.push(v);
      if (!l.voidOf.has(v.entry.data.voids)) l.voidOf.set(v.entry.data.voids, v);
    } else if (t === "cash_count") l.cashCounts.push(e as Served<"cash_count">);
  }
  cache.set(ctx, l);
  return l;
}

export const isVoided = (l: VolunteerLedger, entryId: string): boolean => l.voidOf.has(entryId);
