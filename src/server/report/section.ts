import type { ReportContext } from "./context.js";

/**
 * One part of the reconciliation. Sections are independent: each reads the shared context and
 * returns a JSON-ready value under its key. Sales, pickups and cash join as new sections.
 */
export interface ReportSection<T = unknown> {
  key: string;
  build(ctx: ReportContext): T;
}
