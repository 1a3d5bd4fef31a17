import { Dexie } from "dexie";
import { describe, expect, it } from "vitest";
import { DB_VERSION, DoorlistDB, SCHEMA_V1 } from "../../../src/app/db/database.js";
import { nameKeys, normalizeName } from "../../../src/app/db/names.js";
import type { Entry } from "../../../src/sync/index.js";
import { freshName, IDENTITY, NOW } from "../fixtures.js";

describe("names", () => {
  it("normalizes case, diacritics and spacing", () => {
    expect(normalizeName("  José   NÚÑEZ-Ødegård ")).toBe("jose nunez ødegard");
    expect(nameKeys("Ana María López")).toEqual(["ana maria lopez", "maria lopez", "lopez"]);
    expect(nameKeys("   ")).toEqual([]);
  });
});

describe("schema upgrade v1 → v2", () => {
  it("keeps every v1 record and derives name keys, pass state and counters", async () => {
    const name = freshName("upgrade");
    const v1 = new Dexie(name);
    v1.version(1).stores(SCHEMA_V1);
    await v1.open();
    const admit: Entry = { id: "dev-a-1", deviceId: "dev-a", seq: 1, type: "admit", at: NOW, passId: "000000000001", data: { door: "North" } };
    const deny: Entry = { id: "dev-a-2", deviceId: "dev-a", seq: 2, type: "deny", at: NOW + 1, passId: "000000000001", data: { verdict: "ALREADY_IN" } };
    const remoteAdmit: Entry = { id: "dev-b-1", deviceId: "dev-b", seq: 1, type: "admit", at: NOW + 5, passId: "000000000002", data: { door: "South" } };
    const remoteExit: Entry = { id: "dev-b-2", deviceId: "dev-b", seq: 2, type: "exit", at: NOW + 9, passId: "000000000002" };
    await v1.table("passes").bulkPut([
      { id: "000000000001", holder: "Ana María López", tier: "GA", entitlements: {}, validFrom: null, validUntil: null, revoked: 0 },
      { id: "000000000002", holder: "Bob Stone", tier: "VIP", entitlements: { tee: 1 }, validFrom: null, validUntil: null, revoked: 0 },
    ]);
    await v1.table("meta").put({ key: "identity", value: IDENTITY });
    await v1.table("log").bulkPut([admit, deny]);
    await v1.table("outbox").bulkPut([{ seq: 1 }, { seq: 2 }]);
    await v1.table("remote").bulkPut([remoteAdmit, remoteExit]);
    v1.close();

    const db = new DoorlistDB(name);
    await db.open();
    expect(db.verno).toBe(DB_VERSION);
    expect(await db.getMeta("identity")).toEqual(IDENTITY);
    expect(await db.log.toArray()).toEqual([admit, deny]);
    expect((await db.outbox.toArray()).map((o) => o.seq)).toEqual([1, 2]);
    expect(await db.remote.count()).toBe(2);
    const found = await db.passes.where("nameKeys").startsWith("lop").toArray();
    expect(found.map((p) => p.holder)).toEqual(["Ana María López"]);
    expect((await db.passes.get("000000000002"))?.entitlements).toEqual({ tee: 1 });
    const s1 = await db.passState.get("000000000001");
    expect(s1).toMatchObject({ admits: 1, inside: 1, lastAdmitWhere: "North", lastAdmitAt: NOW });
    const s2 = await db.passState.get("000000000002");
    expect(s2).toMatchObject({ admits: 1, exits: 1, inside: 0, lastAdmitWhere: "South" });
    expect(await db.getCounters()).toEqual({ admits: 2, exits: 1 });
    db.close();
  });

  it("a fresh database opens at the latest version with empty state", async () => {
    const db = new DoorlistDB(freshName("fresh"));
    await db.open();
    expect(db.verno).toBe(DB_VERSION);
    expect(await db.getCounters()).toEqual({ admits: 0, exits: 0 });
    expect(await db.getSyncState()).toMatchObject({ pullCursor: null, rosterCursor: null });
    await expect(db.putMeta("settings", { tiers: null, reentry: true, mode: "sideways" as "entry" })).rejects.toThrow(/settings/);
    db.close();
  });
});
