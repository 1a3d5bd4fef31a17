import type { ServerConfig } from "../config.js";
import { migrate } from "./migrations.js";
import { openPglite } from "./pglite.js";
import type { Storage } from "./port.js";
import { openPostgres } from "./postgres.js";

/** PostgreSQL when DATABASE_URL is set, embedded PGlite in DATA_DIR otherwise; migrated either way. */
export async function openStorage(config: Pick<ServerConfig, "databaseUrl" | "dataDir">): Promise<Storage> {
  const storage = config.databaseUrl ? await openPostgres(config.databaseUrl) : await openPglite(config.dataDir);
  try {
    await migrate(storage);
  } catch (err) {
    await storage.close();
    throw err;
  }
  return storage;
}
