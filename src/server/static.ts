import { serveStatic } from "@hono/node-server/serve-static";
import type { Env, Hono } from "hono";
import { existsSync } from "node:fs";
import { relative } from "node:path";

/**
 * Serves the built PWA. Any path that is not a file and not under /api gets index.html, so
 * deep links (/host, /p/…, /enroll/…) open the app, which routes on the client.
 */
export function mountStatic<E extends Env>(app: Hono<E>, staticDir: string): void {
  if (!existsSync(staticDir)) {
    app.get("/", (c) => c.text("The app is not built. Run `npm start` (it builds first) or `npm run build`.", 503));
    return;
  }
  const root = relative(process.cwd(), staticDir) || ".";
  app.use("*", async (c, next) => {
    if (c.req.path.startsWith("/api/")) return next();
    return serveStatic({
      root,
      onFound: (path, ctx) => {
        // The service worker and the page must never be cached by HTTP, or an update never arrives.
        if (path.endsWith("sw.js") || path.endsWith(".html") || path.endsWith(".webmanifest")) {
          ctx.header("Cache-Control", "no-cache");
        } else if (path.includes("/assets/")) {
          ctx.header("Cache-Control", "public, max-age=31536000, immutable");
        }
      },
    })(c, next);
  });
  app.get("*", async (c, next) => {
    if (c.req.path.startsWith("/api/")) return next();
    return serveStatic({ root, path: "index.html", onFound: (_p, ctx) => ctx.header("Cache-Control", "no-cache") })(c, next);
  });
}
