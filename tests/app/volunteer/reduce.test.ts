import { describe, expect, it } from "vitest";
import { reduceVolunteer, type VolunteerSnapshot } from "../../../src/app/volunteer/reduce.js";
import type { Entry } from "../../../src/sync/index.js";
import { pickup, sale, voidOf } from "./helpers.js";

const empty = (): VolunteerSnapshot => ({ stock: new Map(), ledger: new Map(), voids: new Map(), shifts: new Map() });

/** Folds entries one at a time through snapshots, as successive transactions would. */
function fold(entries: Entry[], own = "dev-a"): VolunteerSnapshot {
  let snap = empty();
  for (const e of entries) {
    const ch = reduceVolunteer(snap, [e], own);
    snap = {
      stock: new Map([...snap.stock, ...ch.stock.map((r) => [r.sku, r] as const)]),
      ledger: new Map([...snap.ledger, ...ch.ledger.map((r) => [r.id, r] as const)]),
      voids: new Map([...snap.voids, ...ch.voids.map((r) => [r.target, r] as const)]),
      shifts: new Map([...snap.shifts, ...ch.shifts.map((r) => [r.id, r] as const)]),
    };
  }
  return snap;
}

describe("volunteer reducer", () => {
  it("counts units sold per sku across devices; a void gives them back", () => {
    const s = fold([sale("dev-a", 1, [["tee", 2, 1500], ["tote", 1, 800]]), sale("dev-b", 1, [["tee", 3, 1500]]), voidOf("dev-a", 2, "dev-a-1")]);
    expect(s.stock.get("tee")?.sold).toBe(3);
    expect(s.stock.get("tote")?.sold).toBe(0);
    expect(s.ledger.get("dev-a-1")?.voided).toBe(1);
  });

  it("is order-independent: a void that arrives before its sale still cancels it", () => {
    const entries = [sale("dev-b", 1, [["tee", 2, 1500]]), voidOf("dev-c", 1, "dev-b-1", "wrong size"), sale("dev-b", 2, [["tee", 1, 1500]])];
    const forward = fold(entries);
    const backward = fold([...entries].reverse());
    expect(forward.stock.get("tee")?.sold).toBe(1);
    expect(backward.stock.get("tee")?.sold).toBe(1);
    expect(backward.ledger.get("dev-b-1")?.voided).toBe(1);
    expect(backward.voids.get("dev-b-1")?.reason).toBe("wrong size");
  });

  it("applies an entry once, and a second void of the same sale changes nothing", () => {
    const s1 = sale("dev-b", 1, [["tee", 2, 1500]]);
    const s = fold([s1, s1, voidOf("dev-a", 1, "dev-b-1"), voidOf("dev-c", 1, "dev-b-1", "again")]);
    expect(s.stock.get("tee")?.sold).toBe(0);
    expect(s.voids.get("dev-b-1")?.id).toBe("dev-a-1");
  });

  it("keeps pickups of every device by pass, with where they happened, and their void status", () => {
    const s = fold([pickup("dev-a", 1, "p1", { kit: 1 }, { label: "Desk A" }), pickup("dev-b", 1, "p1", { kit: 1, tote: 1 }), voidOf("dev-b", 2, "dev-b-1")]);
    expect(s.ledger.get("dev-a-1")).toMatchObject({ type: "pickup", passId: "p1", where: "Desk A", voided: 0 });
    expect(s.ledger.get("dev-b-1")).toMatchObject({ where: "dev-b", voided: 1 });
  });

  it("keeps this device's shifts: cash in, cash paid back for voids, closed by a count", () => {
    const s = fold([
      sale("dev-a", 1, [["tee", 1, 1500]], "cash", { shift: "shift-1" }),
      sale("dev-a", 2, [["tee", 1, 1500]], "card", { shift: "shift-1" }),
      sale("dev-a", 3, [["tote", 2, 800]], "cash", { shift: "shift-1" }),
      voidOf("dev-a", 4, "dev-a-3", "returned", "shift-1"),
      // another device's cash is not this drawer's
      sale("dev-b", 1, [["tee", 1, 1500]], "cash", { shift: "shift-1" }),
      { id: "dev-a-5", deviceId: "dev-a", seq: 5, type: "cash_count", at: 1, data: { countedCents: 1400, shift: "shift-1", expectedCents: 1500 } },
    ]);
    expect(s.shifts.get("shift-1")).toMatchObject({ n: 1, cashSalesCents: 3100, refundsCents: 1600, sales: 3, closed: 1, countedCents: 1400, expectedCents: 1500 });
    expect(s.shifts.size).toBe(1);
  });
});
