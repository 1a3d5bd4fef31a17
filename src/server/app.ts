import { Hono } from "hono";
import type { AppDeps, AppEnv } from "./http/context.js";
import { ApiError, errorBody } from "./http/errors.js";
import { deviceRoutes } from "./http/routes/devices.js";
import { eventRoutes } from "./http/routes/events.js";
import { hostConsoleRoutes } from "./http/routes/host-console.js";
import { passRoutes } from "./http/routes/passes.js";
import { reportRoutes } from "./http/routes/reports.js";
import { securityHeaders } from "./http/security.js";
import { syncRoutes } from "./http/routes/sync.js";

/** The HTTP API. main.ts adds the static app after it; tests call app.request() directly. */
export function createApp(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  // First, so every response gets the headers: API, static app (mounted later), errors and 404s.
  app.use("*", securityHeaders());
  app.use("/api/*", async (c, next) => {
    c.set("deps", deps);
    await next();
    // Every API answer, errors included, carries the server's clock, so a device can work out its
    // offset from any response; the sync bodies also carry it as serverTime.
    c.header("X-Doorlist-Server-Time", String(Date.now()));
  });
  app.get("/api/v1/health", (c) => c.json({ ok: true, store: deps.storage.kind, serverTime: Date.now() }));

  const api = new Hono<AppEnv>();
  api.route("/", eventRoutes());
  api.route("/", passRoutes());
  api.route("/", deviceRoutes());
  api.route("/", syncRoutes());
  api.route("/", reportRoutes());
  api.route("/", hostConsoleRoutes());
  app.route("/api/v1", api);

  app.notFound((c) => {
    if (c.req.path.startsWith("/api/")) {
      return c.json(errorBody("NOT_FOUND", `There is no ${c.req.method} ${c.req.path}; see docs/api.md for the routes.`), 404);
    }
    return c.text("Not found", 404);
  });

  app.onError((err, c) => {
    if (err instanceof ApiError) return c.json(errorBody(err.code, err.message), err.status);
    // A real bug: the details go to the server's log, never to the client. Requests are not
    // logged, so no token can end up there.
    console.error(`[doorlist] ${c.req.method} ${c.req.path} failed:`, err);
    return c.json(errorBody("INTERNAL", "Something went wrong on the server; try again, and tell the host if it keeps happening."), 500);
  });
  return app;
}
