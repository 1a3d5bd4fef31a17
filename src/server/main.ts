import { serve } from "@hono/node-server";
import { createApp } from "./app.js";
import { configFromEnv } from "./config.js";
import { mountStatic } from "./static.js";

const config = configFromEnv();
const app = createApp();
mountStatic(app, config.staticDir);

serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
  console.log(`Doorlist is serving the app and the API on http://localhost:${info.port}`);
});
