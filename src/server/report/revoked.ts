import { sighting, type Sighting } from "./context.js";
import type { ReportSection } from "./section.js";

export interface RevokedAdmission extends Sighting {
  passId: string;
  holder: string | null;
  revokedAt: number;
  reason: string | null;
}

/**
 * Admissions of a pass that was already revoked when it was scanned, judged by the corrected
 * scan time: a device that had not synced the revocation yet still counts, because the host
 * must see it either way.
 */
export const revokedAdmissions: ReportSection<RevokedAdmission[]> = {
  key: "admittedAfterRevocation",
  build(ctx) {
    const out: RevokedAdmission[] = [];
    for (const e of ctx.entries) {
      if (e.voided || e.entry.type !== "admit") continue;
      const pass = ctx.passes.get(e.entry.passId);
      if (!pass || pass.revokedAt === null || e.correctedAt < pass.revokedAt) continue;
      out.push({ ...sighting(e), passId: e.entry.passId, holder: pass.holder, revokedAt: pass.revokedAt, reason: pass.revokeReason });
    }
    return out;
  },
};
