import { Hono } from "hono";
import { getEvent } from "../../domain/events.js";
import { entriesCsv } from "../../report/csv.js";
import { buildReport } from "../../report/index.js";
import { requireHost } from "../auth.js";
import type { AppEnv } from "../context.js";
import { eventIdParam } from "../params.js";

/** The host's reconciliation and the log export. */
export function reportRoutes(): Hono<AppEnv> {
  const r = new Hono<AppEnv>();

  r.get("/events/:eventId/report", async (c) => {
    const eventId = eventIdParam(c.req.param("eventId"));
    await requireHost(c, eventId);
    return c.json({ ...(await buildReport(c.get("deps").storage, eventId)), serverTime: Date.now() });
  });

  r.get("/events/:eventId/entries.csv", async (c) => {
    const eventId = eventIdParam(c.req.param("eventId"));
    await requireHost(c, eventId);
    const storage = c.get("deps").storage;
    await getEvent(storage, eventId);
    const csv = await entriesCsv(storage, eventId);
    return c.body(csv, 200, {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="doorlist-${eventId}-entries.csv"`,
    });
  });

  return r;
}
