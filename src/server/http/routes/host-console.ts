/**
 * Endpoints the host console needs beyond API.md: editing an event, tiers, lists to render, the
 * live view, the entries behind a report finding, the report as CSV, and where phones reach this
 * server. All host-only, like the rest of the host API; what reads the log reads it the way pull
 * does, through each device's contiguous prefix. docs/host-console.md lists them.
 */
import { Hono, type Context } from "hono";
import type { NetworkInfo } from "../../../sync/host.js";
import { z } from "zod";
import { getEvent } from "../../domain/events.js";
import { drillDown } from "../../host/drillDown.js";
import { eventPatchSchema, updateEvent } from "../../host/eventEdit.js";
import { listItems, listPasses } from "../../host/passList.js";
import { reportCsv } from "../../host/reportCsv.js";
import { getTiers, saveTiers, tiersSchema } from "../../host/tiers.js";
import { buildReport } from "../../report/index.js";
import { computeLive } from "../../report/live.js";
import { lanAddresses } from "../../tls.js";
import { requireHost } from "../auth.js";
import { parseWith, readBody } from "../body.js";
import type { AppEnv } from "../context.js";
import { eventIdParam } from "../params.js";

const number = (max: number) => z.string().regex(/^\d{1,7}$/, "must be a whole number").transform(Number).pipe(z.number().int().min(0).max(max));
const passListQuery = z.object({
  offset: number(10_000_000).optional(),
  limit: number(1000).pipe(z.number().min(1)).optional(),
  q: z.string().trim().max(200).optional(),
});
const drillQuery = z.object({
  passId: z.string().regex(/^[0-9a-f]{12}$/, "must be a pass id").optional(),
  deviceId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "must be a device id").optional(),
  ids: z.string().max(20_000).optional(),
});

export function hostConsoleRoutes(): Hono<AppEnv> {
  const r = new Hono<AppEnv>();

  /** Every handler checks the host and that the event exists, then works on one event. */
  const forEvent = async (c: Context<AppEnv>) => {
    const eventId = eventIdParam(c.req.param("eventId") ?? "");
    await requireHost(c, eventId);
    const storage = c.get("deps").storage;
    await getEvent(storage, eventId);
    return { eventId, storage };
  };

  // Where phones on this network reach the server: a console opened at localhost would otherwise
  // hand out enrollment links that point a phone at itself.
  r.get("/host/network", async (c) => {
    await requireHost(c);
    const url = new URL(c.req.url);
    const secure = url.protocol === "https:";
    const port = url.port || (secure ? "443" : "80");
    const publicUrl = c.get("deps").publicUrl ?? null;
    const info: NetworkInfo = {
      publicUrl,
      secure,
      origins: lanAddresses().map((a) => `${url.protocol}//${a}${port === (secure ? "443" : "80") ? "" : `:${port}`}`),
    };
    return c.json(info);
  });

  r.patch("/events/:eventId", async (c) => {
    const { eventId, storage } = await forEvent(c);
    const body = await readBody(c, eventPatchSchema);
    return c.json(await updateEvent(storage, eventId, body));
  });

  r.get("/events/:eventId/tiers", async (c) => {
    const { eventId, storage } = await forEvent(c);
    return c.json({ tiers: await getTiers(storage, eventId) });
  });

  r.put("/events/:eventId/tiers", async (c) => {
    const { eventId, storage } = await forEvent(c);
    const body = await readBody(c, tiersSchema);
    return c.json({ tiers: await saveTiers(storage, eventId, body.tiers) });
  });

  r.get("/events/:eventId/items", async (c) => {
    const { eventId, storage } = await forEvent(c);
    return c.json(await listItems(storage, eventId));
  });

  r.get("/events/:eventId/passes", async (c) => {
    const { eventId, storage } = await forEvent(c);
    const q = parseWith(passListQuery, c.req.query(), "INVALID_QUERY");
    return c.json(await listPasses(storage, eventId, { offset: q.offset ?? 0, limit: q.limit ?? 100, q: q.q || undefined }));
  });

  r.get("/events/:eventId/live", async (c) => {
    const { eventId, storage } = await forEvent(c);
    return c.json(await computeLive(storage, eventId));
  });

  r.get("/events/:eventId/entries", async (c) => {
    const { eventId, storage } = await forEvent(c);
    const q = parseWith(drillQuery, c.req.query(), "INVALID_QUERY");
    const ids = q.ids ? q.ids.split(",").filter((s) => s.length > 0) : undefined;
    return c.json(await drillDown(storage, eventId, { passId: q.passId, deviceId: q.deviceId, ids }));
  });

  r.get("/events/:eventId/report.csv", async (c) => {
    const { eventId, storage } = await forEvent(c);
    return c.body(reportCsv(await buildReport(storage, eventId)), 200, {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="doorlist-${eventId}-report.csv"`,
    });
  });

  return r;
}
