import pg from "pg";
import { randomBytes } from "node:crypto";

/**
 * The PostgreSQL suites need a real server. `npm test` always starts one and sets
 * TEST_DATABASE_URL; running them without it is a mistake that must fail loudly, not a skip.
 */
export function testDatabaseUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    throw new Error(
      "TEST_DATABASE_URL is not set. These suites run against a real PostgreSQL: use `npm test` (it starts a throwaway cluster) " +
        "or export TEST_DATABASE_URL=postgres://user@host:port/db.",
    );
  }
  return url;
}

/** A fresh database per suite, so suites running side by side never see each other's rows. */
export async function createTestDatabase(base: string = testDatabaseUrl()): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `doorlist_t_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}
