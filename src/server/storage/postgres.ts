import pg from "pg";
import type { Row, Sql, Storage } from "./port.js";

// Times are bigint milliseconds; they stay far below 2^53, so numbers are exact.
const typeParsers = {
  getTypeParser(oid: number, format?: "text" | "binary") {
    if (oid === pg.types.builtins.INT8) return (v: string) => Number(v);
    return pg.types.getTypeParser(oid, format as "text");
  },
};

/** PostgreSQL through a connection pool; each transaction holds one pooled client. */
export async function openPostgres(url: string, opts: { max?: number } = {}): Promise<Storage> {
  const pool = new pg.Pool({ connectionString: url, max: opts.max ?? 10, types: typeParsers as pg.CustomTypesConfig });
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on("error", () => {});
  const client = await pool.connect(); // fail at start, not on the first request, if the URL is wrong
  client.release();
  const sql = (c: pg.Pool | pg.PoolClient): Sql => ({
    async query<T = Row>(text: string, params?: readonly unknown[]) {
      const r = await c.query(text, params as unknown[] | undefined);
      return r.rows as T[];
    },
  });
  return {
    kind: "postgres",
    query: sql(pool).query,
    async transaction(fn) {
      const c = await pool.connect();
      let broken: Error | undefined;
      try {
        await c.query("BEGIN");
        const result = await fn(sql(c));
        await c.query("COMMIT");
        return result;
      } catch (err) {
        // A connection that cannot even roll back is discarded rather than returned to the pool.
        await c.query("ROLLBACK").catch((e: Error) => (broken = e));
        throw err;
      } finally {
        c.release(broken);
      }
    },
    close: () => pool.end(),
  };
}
