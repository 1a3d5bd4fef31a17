import { Hono } from "hono";

/** The HTTP app. Routes are added by the API modules; this shell answers health checks. */
export function createApp(): Hono {
  const app = new Hono();
  app.get("/api/v1/health", (c) => c.json({ ok: true, serverTime: Date.now() }));
  return app;
}
