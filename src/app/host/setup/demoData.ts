/**
 * A demo event a newcomer can scan within minutes: used by `npm run demo` and by the console's
 * "Create a demo event" button, so both make the same thing. Names are made up and deterministic.
 */
import type { TierSetting } from "../../../sync/host.js";

const FIRST = ["Ada", "Grace", "Alan", "Katherine", "Linus", "Margaret", "Dennis", "Barbara", "Ken", "Radia", "Tim", "Frances", "Edsger", "Hedy", "Donald", "Sophie", "Guido", "Annie", "Bjarne", "Joan"];
const LAST = ["Lovelace", "Hopper", "Turing", "Johnson", "Torvalds", "Hamilton", "Ritchie", "Liskov", "Thompson", "Perlman", "Berners-Lee", "Allen", "Dijkstra", "Lamarr", "Knuth", "Wilson", "van Rossum", "Easley", "Stroustrup", "Clarke"];

export const DEMO_TIERS: TierSetting[] = [
  { name: "VIP", entitlements: { kit: 1, tote: 1 } },
  { name: "GA", entitlements: {} },
  { name: "CREW", entitlements: { kit: 1 } },
];

export const DEMO_ITEM = { sku: "TOTE", name: "Tote bag", priceCents: 1500, stock: 100 };

export function demoEvent(now: number) {
  const hour = 3600_000;
  return { name: "Doorlist demo", startsAt: Math.floor(now / hour) * hour - hour, endsAt: Math.floor(now / hour) * hour + 5 * hour, capacity: 400 };
}

/** `count` guests: one in ten VIP, one in twenty-five crew, the rest general admission. */
export function demoGuests(count: number): { holder: string; tier: string; entitlements?: Record<string, number> }[] {
  const byName = new Map(DEMO_TIERS.map((t) => [t.name, t.entitlements]));
  return Array.from({ length: count }, (_, i) => {
    const tier = i % 25 === 24 ? "CREW" : i % 10 === 0 ? "VIP" : "GA";
    const holder = `${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length) % LAST.length]}${i >= FIRST.length * LAST.length ? ` ${Math.floor(i / (FIRST.length * LAST.length)) + 1}` : ""}`;
    const ent = byName.get(tier)!;
    return Object.keys(ent).length > 0 ? { holder, tier, entitlements: ent } : { holder, tier };
  });
}
