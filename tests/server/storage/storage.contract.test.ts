/**
 * One contract, two adapters: everything the domain relies on from the storage port, checked on
 * PGlite and on a real PostgreSQL alike.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate, MIGRATIONS } from "../../../src/server/storage/migrations.js";
import { openPostgres } from "../../../src/server/storage/postgres.js";
import { openTestStore, STORE_KINDS, type TestStore } from "../support/stores.js";

describe.each(STORE_KINDS)("storage port on %s", (kind) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await openTestStore(kind);
    await store.storage.query("CREATE TABLE contract_t (k text PRIMARY KEY, n bigint NOT NULL, doc jsonb)");
  });
  afterAll(async () => store?.cleanup());

  it("names its kind", () => {
    expect(store.storage.kind).toBe(kind);
  });

  it("binds parameters and returns int8 as exact numbers and jsonb as objects", async () => {
    const big = 4_102_444_800_000;
    const rows = await store.storage.query<{ k: string; n: number; doc: unknown }>(
      "INSERT INTO contract_t (k, n, doc) VALUES ($1, $2, $3::jsonb) RETURNING k, n, doc",
      ["a", big, JSON.stringify({ x: [1, "two", null], y: { z: true } })],
    );
    expect(rows).toEqual([{ k: "a", n: big, doc: { x: [1, "two", null], y: { z: true } } }]);
    const [count] = await store.storage.query<{ c: number }>("SELECT count(*) AS c FROM contract_t");
    expect(count!.c).toBe(1);
  });

  it("binds arrays for = ANY($1) and JSON text for jsonb_to_recordset", async () => {
    await store.storage.query(
      "INSERT INTO contract_t (k, n) SELECT r.k, r.n FROM jsonb_to_recordset($1::jsonb) AS r(k text, n bigint)",
      [JSON.stringify([{ k: "b", n: 2 }, { k: "c", n: 3 }])],
    );
    const rows = await store.storage.query<{ k: string }>("SELECT k FROM contract_t WHERE k = ANY($1::text[]) ORDER BY k", [["b", "c", "zz"]]);
    expect(rows.map((r) => r.k)).toEqual(["b", "c"]);
  });

  it("commits a transaction that resolves and rolls back one that throws", async () => {
    await store.storage.transaction(async (tx) => {
      await tx.query("INSERT INTO contract_t (k, n) VALUES ('t1', 1)");
    });
    await expect(
      store.storage.transaction(async (tx) => {
        await tx.query("INSERT INTO contract_t (k, n) VALUES ('t2', 1)");
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    const rows = await store.storage.query<{ k: string }>("SELECT k FROM contract_t WHERE k IN ('t1', 't2')");
    expect(rows.map((r) => r.k)).toEqual(["t1"]);
  });

  it("rolls back on a failed statement and stays usable", async () => {
    await expect(store.storage.transaction((tx) => tx.query("INSERT INTO contract_t (k, n) VALUES ('t1', 1)"))).rejects.toThrow();
    const rows = await store.storage.query("SELECT 1 AS one");
    expect(rows).toEqual([{ one: 1 }]);
  });

  it("serializes concurrent read-modify-write transactions on a row locked FOR UPDATE", async () => {
    await store.storage.query("INSERT INTO contract_t (k, n) VALUES ('counter', 0)");
    await Promise.all(
      Array.from({ length: 20 }, () =>
        store.storage.transaction(async (tx) => {
          const [row] = await tx.query<{ n: number }>("SELECT n FROM contract_t WHERE k = 'counter' FOR UPDATE");
          await new Promise((r) => setTimeout(r, 1));
          await tx.query("UPDATE contract_t SET n = $1 WHERE k = 'counter'", [row!.n + 1]);
        }),
      ),
    );
    const [row] = await store.storage.query<{ n: number }>("SELECT n FROM contract_t WHERE k = 'counter'");
    expect(row!.n).toBe(20);
  });

  it("has applied every migration once, and migrating again does nothing", async () => {
    const rows = await store.storage.query<{ version: number }>("SELECT version FROM schema_migrations ORDER BY version");
    expect(rows.map((r) => r.version)).toEqual(MIGRATIONS.map((m) => m.version));
    expect(await migrate(store.storage)).toEqual([]);
  });

  it("applies a new migration version and records it, and rolls back a failing one whole", async () => {
    const next = MIGRATIONS.length + 100;
    const extra = [...MIGRATIONS, { version: next, name: "test column", sql: "ALTER TABLE contract_t ADD COLUMN extra text;\nCREATE INDEX contract_extra ON contract_t (extra);" }];
    expect(await migrate(store.storage, extra)).toEqual([next]);
    const bad = [...extra, { version: next + 1, name: "broken", sql: "CREATE TABLE half_made (a int);\nSELECT no_such_function();" }];
    await expect(migrate(store.storage, bad)).rejects.toThrow();
    const tables = await store.storage.query("SELECT 1 FROM information_schema.tables WHERE table_name = 'half_made'");
    expect(tables).toEqual([]);
    const versions = await store.storage.query<{ version: number }>("SELECT version FROM schema_migrations WHERE version > $1", [next]);
    expect(versions).toEqual([]);
  });
});

describe("migrations on PostgreSQL started by two processes at once", () => {
  it("run once, the second start waiting on the advisory lock and finding nothing to do", async () => {
    const bare = await openTestStore("postgres", { migrate: false });
    try {
      const a = await openPostgres(bare.url!);
      const b = await openPostgres(bare.url!);
      try {
        const [ra, rb] = await Promise.all([migrate(a), migrate(b)]);
        expect([...ra, ...rb].sort()).toEqual(MIGRATIONS.map((m) => m.version));
        const rows = await a.query<{ c: number }>("SELECT count(*) AS c FROM schema_migrations");
        expect(rows[0]!.c).toBe(MIGRATIONS.length);
      } finally {
        await a.close();
        await b.close();
      }
    } finally {
      await bare.cleanup();
    }
  });
});
