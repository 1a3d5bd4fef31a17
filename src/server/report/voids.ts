import { sighting, type Sighting } from "./context.js";
import { volunteerLedger } from "./ledger.js";
import type { ReportSection } from "./section.js";

export interface VoidFinding extends Sighting {
  reason: string;
  voids: string;
  /** what it cancelled; null when the voided entry has not reached the server (or never existed) */
  target: (Sighting & { type: string; totalCents: number | null; method: string | null; passId: string | null }) | null;
  /** the target was already voided by an earlier void: this one changed nothing */
  repeated: boolean;
}

/** Every served void with its reason and what it cancelled. */
export const voidsReport: ReportSection<VoidFinding[]> = {
  key: "voids",
  build(ctx) {
    const l = volunteerLedger(ctx);
    const byId = new Map(ctx.entries.filter((e) => !e.held).map((e) => [e.entry.id, e]));
    return l.voids.map((v) => {
      const t = byId.get(v.entry.data.voids);
      const target = t
        ? {
            ...sighting(t),
            type: t.entry.type,
            totalCents: t.entry.type === "sale" ? t.entry.data.totalCents : null,
            method: t.entry.type === "sale" ? t.entry.data.method : null,
            passId: t.entry.passId ?? null,
          }
        : null;
      return { ...sighting(v), reason: v.entry.data.reason, voids: v.entry.data.voids, target, repeated: l.voidOf.get(v.entry.data.voids) !== v };
    });
  },
};
