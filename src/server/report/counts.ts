import type { ReportCounts } from "../../sync/host.js";
import type { ReportSection } from "./section.js";

export type Counts = ReportCounts;

export const counts: ReportSection<Counts> = {
  key: "counts",
  build(ctx) {
    const c: Counts = { entries: 0, served: 0, heldBehindGaps: 0, voided: 0, byType: {}, byVerdict: {}, passesAdmitted: 0 };
    const admitted = new Set<string>();
    for (const { entry, held, voided } of ctx.entries) {
      c.entries++;
      if (held) c.heldBehindGaps++;
      else c.served++;
      if (voided) {
        c.voided++;
        continue;
      }
      c.byType[entry.type] = (c.byType[entry.type] ?? 0) + 1;
      if (entry.type === "admit") {
        const v = entry.data?.verdict ?? "ADMIT";
        c.byVerdict[v] = (c.byVerdict[v] ?? 0) + 1;
        admitted.add(entry.passId);
      } else if (entry.type === "deny") {
        c.byVerdict[entry.data.verdict] = (c.byVerdict[entry.data.verdict] ?? 0) + 1;
      }
    }
    c.passesAdmitted = admitted.size;
    return c;
  },
};
