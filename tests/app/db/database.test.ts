import { Dexie } from "dexie";
import { describe, expect, it } from "vitest";
import { appendPasses, compactPasses, DB_VERSION, DoorlistDB, PASS_BLOCK, SCHEMA_V1, SCHEMA_V3, SCHEMA_V4 } from "../../../src/app/db/database.js";
import { nameBlock, nameKeys, nameMatches, normalizeName, searchNameBlocks } from "../../../src/app/db/names.js";
import type { Entry } from "../../../src/sync/index.js";
import { freshName, IDENTITY, NOW } from "../fixtures.js";

describe("names", () => {
  it("normalizes case, diacritics and spacing", () => {
    expect(normalizeName("  José   NÚÑEZ-Ødegård ")).toBe("jose nunez ødegard");
    expect(nameKeys("Ana María López")).toEqual(["ana maria lopez", "maria lopez", "lopez"]);
    expect(nameKeys("   ")).toEqual([]);
  });
});

describe("name blocks", () => {
  const block = nameBlock([
    { id: "000000000001", holder: "Ana María López", tier: "VIP" },
    { id: "000000000002", holder: "José  Núñez-Ødegård", tier: "GA" },
    { id: "000000000003", holder: "Bob Stone", tier: "GA" },
  ]);

  it("finds a pass by the start of any word, ignoring case and diacritics", () => {
    const ids = (q: string) => searchNameBlocks([block], normalizeName(q)).map((m) => m.id).sort();
    expect(ids("ana")).toEqual(["000000000001"]);
    expect(ids("MARÍA")).toEqual(["000000000001"]);
    expect(ids("lop")).toEqual(["000000000001"]);
    expect(ids("maria l")).toEqual(["000000000001"]);
    expect(ids("nunez")).toEqual(["000000000002"]);
    expect(ids("ødeg")).toEqual(["000000000002"]);
    expect(ids("odeg")).toEqual([]);
    // inside a word is not the start of one; an id is not a name
    expect(ids("aria")).toEqual([]);
    expect(ids("00000")).toEqual([]);
    expect(ids("stone bob")).toEqual([]);
    expect(block.tiers.sort()).toEqual(["GA", "VIP"]);
  });

  it("prefers the newest line of a pass; an older matching line stays a candidate for the caller to check", () => {
    const older = { ...nameBlock([{ id: "000000000001", holder: "Ann Old", tier: "GA" }]), block: 1 };
    const newer = { ...nameBlock([{ id: "000000000001", holder: "Ann New", tier: "GA" }]), block: 2 };
    expect(searchNameBlocks([older, newer], "old")).toEqual([{ id: "000000000001", name: "ann old" }]);
    expect(searchNameBlocks([older, newer], "new")).toEqual([{ id: "000000000001", name: "ann new" }]);
    expect(searchNameBlocks([newer, older], "ann")).toEqual([{ id: "000000000001", name: "ann new" }]);
  });

  it("matches at word starts only", () => {
    expect(nameMatches("ana maria lopez", "maria l")).toBe(true);
    expect(nameMatches("ana maria lopez", "aria")).toBe(false);
    expect(nameMatches("ana maria lopez", "")).toBe(false);
  });
});

describe("schema upgrade v3 → v4 → v5", () => {
  it("drops the pass indexes, keeps every pass in blocks, and builds name blocks from them", async () => {
    const name = freshName("upgrade4");
    const v3 = new Dexie(name);
    v3.version(3).stores(SCHEMA_V3);
    await v3.open();
    const passes = Array.from({ length: 12_001 }, (_, i) => ({
      id: i.toString(16).padStart(12, "0"),
      holder: i === 7 ? "Ana María López" : `Guest ${i}`,
      tier: i % 3 === 0 ? "VIP" : "GA",
      nameKeys: nameKeys(i === 7 ? "Ana María López" : `Guest ${i}`),
    }));
    await v3.table("passes").bulkPut(passes);
    await v3.table("meta").put({ key: "identity", value: IDENTITY });
    await v3.table("log").put({ id: "dev-a-1", deviceId: "dev-a", seq: 1, type: "admit", at: NOW, passId: "000000000007" });
    await v3.table("outbox").put({ seq: 1 });
    v3.close();

    const db = new DoorlistDB(name);
    await db.open();
    expect(db.verno).toBe(5);
    expect(db.tables.map((t) => t.name)).not.toContain("passes");
    expect(await db.countPasses()).toBe(12_001);
    expect(await db.passBlocks.count()).toBe(Math.ceil(12_001 / PASS_BLOCK));
    expect((await db.getPass("000000000007"))?.holder).toBe("Ana María López");
    expect((await db.getPass((12_000).toString(16).padStart(12, "0")))?.tier).toBe("VIP");
    expect(await db.getPass("ffffffffffff")).toBeUndefined();
    expect((await db.outbox.toArray()).map((o) => o.seq)).toEqual([1]);
    // one name block per 5,000 passes, like a roster load
    const blocks = await db.names.toArray();
    expect(blocks).toHaveLength(3);
    expect(searchNameBlocks(blocks, "lop")).toEqual([{ id: "000000000007", name: "ana maria lopez" }]);
    expect(searchNameBlocks(blocks, "guest 12000")).toEqual([{ id: (12_000).toString(16).padStart(12, "0"), name: "guest 12000" }]);
    expect(new Set(blocks.flatMap((b) => b.tiers))).toEqual(new Set(["GA", "VIP"]));
    db.close();
  });

  it("v4 → v5 on its own: passes into blocks, names rebuilt once", async () => {
    const name = freshName("upgrade5");
    const v4 = new Dexie(name);
    v4.version(4).stores(SCHEMA_V4);
    await v4.open();
    await v4.table("passes").bulkPut([
      { id: "000000000001", holder: "Bob Stone", tier: "GA", revoked: 1 },
      { id: "000000000002", holder: "Zoë Quinn", tier: "CREW", entitlements: { tee: 1 } },
    ]);
    await v4.table("names").add(nameBlock([{ id: "000000000001", holder: "Bob Stone", tier: "GA" }, { id: "000000000002", holder: "Zoë Quinn", tier: "CREW" }]));
    v4.close();

    const db = new DoorlistDB(name);
    await db.open();
    expect(await db.getPass("000000000001")).toEqual({ id: "000000000001", holder: "Bob Stone", tier: "GA", revoked: 1 });
    expect((await db.getPass("000000000002"))?.entitlements).toEqual({ tee: 1 });
    expect(await db.names.count()).toBe(1);
    expect(searchNameBlocks(await db.names.toArray(), "zoe")).toEqual([{ id: "000000000002", name: "zoe quinn" }]);
    db.close();
  });
});

describe("pass blocks", () => {
  it("the newest block holding a pass is its record; compaction keeps only that one", async () => {
    const db = new DoorlistDB(freshName("blocks"));
    await db.open();
    await db.transaction("rw", db.passBlocks, db.names, async (tx) => {
      await appendPasses(tx, [
        { id: "000000000001", holder: "Ann Old", tier: "GA" },
        { id: "000000000002", holder: "Bob Stone", tier: "GA" },
      ]);
      await appendPasses(tx, [{ id: "000000000001", holder: "Ann New", tier: "VIP", revoked: 1 }]);
    });
    expect(await db.getPass("000000000001")).toEqual({ id: "000000000001", holder: "Ann New", tier: "VIP", revoked: 1 });
    expect((await db.getPasses(["000000000002", "000000000003"])).map((p) => p?.holder)).toEqual(["Bob Stone", undefined]);
    expect(await db.countPasses()).toBe(2);
    await db.transaction("rw", db.passBlocks, db.names, (tx) => compactPasses(tx));
    expect(await db.passBlocks.count()).toBe(1);
    expect(await db.getPass("000000000001")).toEqual({ id: "000000000001", holder: "Ann New", tier: "VIP", revoked: 1 });
    const names = await db.names.toArray();
    expect(names).toHaveLength(1);
    expect(searchNameBlocks(names, "ann")).toEqual([{ id: "000000000001", name: "ann new" }]);
    expect(names[0]!.tiers.sort()).toEqual(["GA", "VIP"]);
    db.close();
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
    expect(searchNameBlocks(await db.names.toArray(), "lop")).toEqual([{ id: "000000000001", name: "ana maria lopez" }]);
    expect((await db.getPass("000000000002"))?.entitlements).toEqual({ tee: 1 });
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
