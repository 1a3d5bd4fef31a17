import { sighting, type ReportContext, type Sighting } from "./context.js";
import type { ReportSection } from "./section.js";

export interface DuplicateAdmission {
  passId: string;
  holder: string | null;
  /** true when the admissions happened on more than one device */
  acrossDevices: boolean;
  /** every admission of the pass, in corrected-time order; the ones after the first came without an exit between */
  admissions: (Sighting & { duplicate: boolean; override: boolean })[];
}

/**
 * A pass admitted again with no exit in between. Walks each pass's admits and exits in
 * corrected-time order; voided entries are ignored. Staff overrides are listed too, marked,
 * because the host still has to see two people came in on one pass.
 */
export const duplicateAdmissions: ReportSection<DuplicateAdmission[]> = {
  key: "duplicateAdmissions",
  build(ctx: ReportContext) {
    const byPass = new Map<string, ReportContext["entries"]>();
    for (const e of ctx.entries) {
      if (e.voided || (e.entry.type !== "admit" && e.entry.type !== "exit")) continue;
      const list = byPass.get(e.entry.passId!) ?? [];
      list.push(e);
      byPass.set(e.entry.passId!, list);
    }
    const out: DuplicateAdmission[] = [];
    for (const [passId, list] of byPass) {
      let inside = false;
      let found = false;
      const admissions: DuplicateAdmission["admissions"] = [];
      for (const e of list) {
        if (e.entry.type === "exit") {
          inside = false;
          continue;
        }
        const override = e.entry.type === "admit" && e.entry.data?.override !== undefined;
        admissions.push({ ...sighting(e), duplicate: inside, override });
        if (inside) found = true;
        inside = true;
      }
      if (!found) continue;
      out.push({
        passId,
        holder: ctx.passes.get(passId)?.holder ?? null,
        acrossDevices: new Set(admissions.map((a) => a.deviceId)).size > 1,
        admissions,
      });
    }
    return out.sort((a, b) => (a.passId < b.passId ? -1 : 1));
  },
};
