import { serve } from "@hono/node-server";
import { createApp } from "./app.js";
import { configFromEnv } from "./config.js";
import { ensureHostToken } from "./domain/hostToken.js";
import { mountStatic } from "./static.js";
import { openStorage } from "./storage/open.js";
import { ensureCertificate, httpsServeOptions, httpsWanted, lanAddresses } from "./tls.js";

const config = configFromEnv();
const storage = await openStorage(config);
const host = await ensureHostToken(storage, config.hostToken);
const app = createApp({ storage, hostTokenHash: host.hash, publicUrl: config.publicUrl });
mountStatic(app, config.staticDir);

// HTTPS=1: TLS with a self-signed certificate from DATA_DIR, for phones on the same Wi-Fi (see tls.ts).
const tls = httpsWanted() ? ensureCertificate(config.dataDir) : null;
const scheme = tls ? "https" : "http";
const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host, ...(tls ? httpsServeOptions(tls) : {}) }, (info) => {
  const origin = config.publicUrl?.replace(/\/+$/, "") ?? `${scheme}://localhost:${info.port}`;
  const store = config.databaseUrl ? "PostgreSQL (DATABASE_URL)" : `PGlite in ${config.dataDir}`;
  console.log(`Doorlist is serving the app and the API on ${scheme}://localhost:${info.port}, storing data in ${store}`);
  if (tls) {
    const lan = lanAddresses().map((a) => `https://${a}:${info.port}`).join("  ");
    console.log(`Phones on this network: ${lan || "(no network address found)"}; trust ${tls.certPath} on them first (README: "HTTPS for phones").`);
  }
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
