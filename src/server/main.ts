import { serve } from "@hono/node-server";
import { createApp } from "./app.js";
import { configFromEnv } from "./config.js";
import { ensureHostToken } from "./domain/hostToken.js";
import { mountStatic } from "./static.js";
import { openStorage } from "./storage/open.js";

const config = configFromEnv();
const storage = await openStorage(config);
const host = await ensureHostToken(storage, config.hostToken);
const app = createApp({ storage, hostTokenHash: host.hash, publicUrl: config.publicUrl });
mountStatic(app, config.staticDir);

const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
  const origin = config.publicUrl?.replace(/\/+$/, "") ?? `http://localhost:${info.port}`;
  const store = config.databaseUrl ? "PostgreSQL (DATABASE_URL)" : `PGlite in ${config.dataDir}`;
  console.log(`Doorlist is serving the app and the API on http://localhost:${info.port}, storing data in ${store}`);
  if (host.newToken) {
    // Printed once, on the start that made it: only its hash is kept, so it cannot be shown again.
    console.log(`\nHost console (keep this link private; it is shown only this once):\n  ${origin}/host#token=${host.newToken}\n`);
  }
});

let closing = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (closing) return;
    closing = true;
    server.close();
    storage.close().finally(() => process.exit(0));
  });
}
