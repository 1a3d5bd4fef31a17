import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { migrate } from "../../../src/server/storage/migrations.js";
import { openPglite } from "../../../src/server/storage/pglite.js";
import type { Storage } from "../../../src/server/storage/port.js";
import { openPostgres } from "../../../src/server/storage/postgres.js";
import { createTestDatabase } from "./pg.js";

export const STORE_KINDS = ["pglite", "postgres"] as const;
export type StoreKind = (typeof STORE_KINDS)[number];

export interface TestStore {
  storage: Storage;
  /** the PostgreSQL URL of this suite's database (postgres only) */
  url?: string;
  /** the PGlite directory (pglite only) */
  dir?: string;
  cleanup(): Promise<void>;
}

/** A migrated, empty store of the given kind: PGlite in a temp dir, or a fresh PostgreSQL database. */
export async function openTestStore(kind: StoreKind, opts: { migrate?: boolean } = {}): Promise<TestStore> {
  if (kind === "pglite") {
    const dir = mkdtempSync(join(tmpdir(), "doorlist-pglite-"));
    const storage = await openPglite(dir);
    if (opts.migrate !== false) await migrate(storage);
    return {
      storage,
      dir,
      async cleanup() {
        await storage.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const db = await createTestDatabase();
  const storage = await openPostgres(db.url);
  if (opts.migrate !== false) await migrate(storage);
  return {
    storage,
    url: db.url,
    async cleanup() {
      await storage.close();
      await db.drop();
    },
  };
}
