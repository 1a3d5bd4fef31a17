import { PGlite, types } from "@electric-sql/pglite";
import { mkdirSync } from "node:fs";
import type { Row, Sql, Storage } from "./port.js";

/**
 * Embedded PostgreSQL (WASM) in a directory, or in memory when dataDir is undefined. One
 * PGlite instance is one connection: PGlite queues queries and transactions itself, so
 * transactions never interleave and row locks are trivially held.
 */
export async function openPglite(dataDir: string | undefined): Promise<Storage> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const db = new PGlite(dataDir, { parsers: { [types.INT8]: (v: string) => Number(v) } });
  await db.waitReady;
  const run = (q: { query: PGlite["query"] }): Sql => ({
    async query<T = Row>(text: string, params?: readonly unknown[]) {
      const r = await q.query<T>(text, params ? [...params] : undefined);
      return r.rows;
    },
  });
  const self = run(db);
  return {
    kind: "pglite",
    query: self.query,
    transaction: (fn) => db.transaction((tx) => fn(run(tx))),
    close: () => db.close(),
  };
}
