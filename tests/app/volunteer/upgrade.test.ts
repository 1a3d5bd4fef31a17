import { Dexie } from "dexie";
import { describe, expect, it } from "vitest";
import { DB_VERSION, DoorlistDB, SCHEMA_V2 } from "../../../src/app/db/database.js";
import type { Entry } from "../../../src/sync/index.js";
import { freshName, IDENTITY } from "../fixtures.js";
import { pickup, sale, voidOf } from "./helpers.js";

describe("schema upgrade v2 → v3", () => {
  it("keeps the log, outbox and remote entries, and rebuilds stock, ledger and shifts from them", async () => {
    const name = freshName("upgrade3");
    const v2 = new Dexie(name);
    v2.version(2).stores(SCHEMA_V2);
    await v2.open();
    const own: Entry[] = [
      sale("dev-a", 1, [["tee", 2, 1500]], "cash", { shift: "shift-1" }),
      pickup("dev-a", 2, "000000000001", { kit: 1 }),
      voidOf("dev-a", 3, "dev-b-1", "double charge", "shift-1"),
      { id: "dev-a-4", deviceId: "dev-a", seq: 4, type: "admit", at: 1_790_000_000_000, passId: "000000000001", data: { door: "North" } },
    ];
    const remote: Entry[] = [sale("dev-b", 1, [["tee", 1, 1500]], "card"), sale("dev-b", 2, [["tote", 4, 800]], "cash")];
    await v2.table("meta").put({ key: "identity", value: IDENTITY });
    await v2.table("meta").put({ key: "seq", value: { next: 5 } });
    await v2.table("items").bulkPut([{ sku: "tee", name: "Tee", priceCents: 1500, stock: 10 }]);
    await v2.table("log").bulkPut(own);
    await v2.table("outbox").bulkPut([{ seq: 3 }, { seq: 4 }]);
    await v2.table("remote").bulkPut(remote);
    v2.close();

    const db = new DoorlistDB(name);
    await db.open();
    expect(db.verno).toBe(DB_VERSION);
    expect(DB_VERSION).toBeGreaterThanOrEqual(3);
    expect(await db.log.toArray()).toEqual(own);
    expect((await db.outbox.toArray()).map((o) => o.seq)).toEqual([3, 4]);
    expect(await db.remote.toArray()).toEqual(remote);
    expect(await db.getMeta("seq")).toEqual({ next: 5 });
    // tee: 2 here + 1 there, the other device's 1 voided here
    expect(await db.stock.get("tee")).toEqual({ sku: "tee", sold: 2 });
    expect(await db.stock.get("tote")).toEqual({ sku: "tote", sold: 4 });
    expect((await db.ledger.get("dev-b-1"))?.voided).toBe(1);
    expect(await db.ledger.where("passId").equals("000000000001").count()).toBe(1);
    // the voided sale was paid by card: nothing leaves the drawer
    expect(await db.shifts.get("shift-1")).toMatchObject({ cashSalesCents: 3000, refundsCents: 0, closed: 0 });
    db.close();
  });
});
