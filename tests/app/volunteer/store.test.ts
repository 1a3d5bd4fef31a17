import { describe, expect, it } from "vitest";
import { applyVolunteerEntries } from "../../../src/app/volunteer/store.js";
import type { Entry } from "../../../src/sync/index.js";
import { enrolledDb } from "../fixtures.js";
import { sale, voidOf } from "./helpers.js";

/** Each call its own transaction, as successive writes and pulled pages are. */
async function apply(db: Awaited<ReturnType<typeof enrolledDb>>, entries: Entry[]): Promise<void> {
  await db.transaction("rw", [db.stock, db.ledger, db.voids, db.shifts], () => applyVolunteerEntries(db, entries, "dev-a"));
}

describe("volunteer state in IndexedDB", () => {
  it("a pulled void that arrives a page before its sale still cancels it", async () => {
    const db = await enrolledDb();
    await apply(db, [voidOf("dev-c", 1, "dev-b-1", "double")]);
    expect(await db.stock.count()).toBe(0);
    await apply(db, [sale("dev-b", 1, [["tee", 2, 1500]]), sale("dev-b", 2, [["tee", 1, 1500]])]);
    expect(await db.stock.get("tee")).toEqual({ sku: "tee", sold: 1 });
    expect((await db.ledger.get("dev-b-1"))?.voided).toBe(1);
  });

  it("an own void without a shift pays back from the sale's shift, keeping what that shift held", async () => {
    const db = await enrolledDb();
    await apply(db, [sale("dev-a", 1, [["tee", 1, 1500]], "cash", { shift: "shift-1" }), sale("dev-a", 2, [["cap", 1, 900]], "cash", { shift: "shift-1" })]);
    await apply(db, [voidOf("dev-a", 3, "dev-a-2", "returned")]);
    expect(await db.shifts.get("shift-1")).toMatchObject({ cashSalesCents: 2400, refundsCents: 900, sales: 2 });
    expect(await db.stock.get("cap")).toEqual({ sku: "cap", sold: 0 });
    // entries already applied change nothing when they come again
    await apply(db, [voidOf("dev-a", 3, "dev-a-2", "returned"), sale("dev-a", 1, [["tee", 1, 1500]], "cash", { shift: "shift-1" })]);
    expect(await db.shifts.get("shift-1")).toMatchObject({ cashSalesCents: 2400, refundsCents: 900 });
    expect(await db.stock.get("tee")).toEqual({ sku: "tee", sold: 1 });
  });
});
