import { sighting, type Sighting } from "./context.js";
import { volunteerLedger } from "./ledger.js";
import type { ReportSection } from "./section.js";

export interface DuplicatePickup {
  passId: string;
  holder: string | null;
  entitlement: string;
  /** what the pass entitles its holder to; 0 when the roster lists no such entitlement */
  entitled: number;
  taken: number;
  /** taken − entitled */
  over: number;
  acrossDevices: boolean;
  /** every pickup of this entitlement on this pass, in corrected-time order; duplicate marks those past the entitlement */
  pickups: (Sighting & { quantity: number; duplicate: boolean })[];
}

/**
 * The same pass and entitlement handed over beyond what the pass allows, on one device or across
 * several. Entitlements are the pass's own, as issued (the roster is where they live).
 */
export const duplicatePickups: ReportSection<DuplicatePickup[]> = {
  key: "duplicatePickups",
  build(ctx) {
    const l = volunteerLedger(ctx);
    const byKey = new Map<string, { passId: string; name: string; rows: { e: (typeof l.pickups)[number]; n: number }[] }>();
    for (const p of l.pickups) {
      if (l.voidOf.has(p.entry.id)) continue;
      for (const [name, n] of Object.entries(p.entry.data.items)) {
        const key = `${p.entry.passId}\u0000${name}`;
        const g = byKey.get(key) ?? { passId: p.entry.passId, name, rows: [] };
        g.rows.push({ e: p, n });
        byKey.set(key, g);
      }
    }
    const out: DuplicatePickup[] = [];
    for (const g of byKey.values()) {
      const entitled = ctx.passes.get(g.passId)?.entitlements[g.name] ?? 0;
      const taken = g.rows.reduce((t, r) => t + r.n, 0);
      if (taken <= entitled) continue;
      let running = 0;
      const pickups = g.rows.map(({ e, n }) => {
        running += n;
        return { ...sighting(e), quantity: n, duplicate: running > entitled };
      });
      out.push({
        passId: g.passId,
        holder: ctx.passes.get(g.passId)?.holder ?? null,
        entitlement: g.name,
        entitled,
        taken,
        over: taken - entitled,
        acrossDevices: new Set(pickups.map((p) => p.deviceId)).size > 1,
        pickups,
      });
    }
    return out.sort((a, b) => (a.passId < b.passId ? -1 : a.passId > b.passId ? 1 : a.entitlement < b.entitlement ? -1 : 1));
  },
};
