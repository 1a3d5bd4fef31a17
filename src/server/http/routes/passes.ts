import { Hono } from "hono";
import { z } from "zod";
import { getEvent } from "../../domain/events.js";
import { itemSchema, putItem } from "../../domain/items.js";
import { issuePassesSchema, issuePasses, revokePass } from "../../domain/passes.js";
import { MAX_ISSUE_PASSES } from "../../../sync/index.js";
import { requireHost } from "../auth.js";
import { parseWith, readBody, readJson, readOptionalBody } from "../body.js";
import type { AppEnv } from "../context.js";
import { ApiError } from "../errors.js";
import { eventIdParam, passIdParam } from "../params.js";

const revokeSchema = z.object({ reason: z.string().trim().max(500).optional() });

/** Passes and items (host). */
export function passRoutes(): Hono<AppEnv> {
  const r = new Hono<AppEnv>();

  r.post("/events/:eventId/passes", async (c) => {
    const eventId = eventIdParam(c.req.param("eventId"));
    await requireHost(c, eventId);
    const storage = c.get("deps").storage;
    await getEvent(storage, eventId);
    const raw = await readJson(c);
    // Counted before validation, so an oversized list gets the code that says to split it.
    const list = (raw as { passes?: unknown } | null)?.passes;
    if (Array.isArray(list) && list.length > MAX_ISSUE_PASSES) {
      throw new ApiError("TOO_MANY_PASSES", `At most ${MAX_ISSUE_PASSES} passes per request and this one has ${list.length}; send them in parts.`);
    }
    const body = parseWith(issuePassesSchema, raw);
    return c.json({ passes: await issuePasses(storage, eventId, body.passes) }, 201);
  });

  r.post("/events/:eventId/passes/:passId/revoke", async (c) => {
    const eventId = eventIdParam(c.req.param("eventId"));
    await requireHost(c, eventId);
    const passId = passIdParam(c.req.param("passId"));
    const storage = c.get("deps").storage;
    await getEvent(storage, eventId);
    const body = await readOptionalBody(c, revokeSchema);
    return c.json(await revokePass(storage, eventId, passId, body.reason || null));
  });

  r.post("/events/:eventId/items", async (c) => {
    const eventId = eventIdParam(c.req.param("eventId"));
    await requireHost(c, eventId);
    const storage = c.get("deps").storage;
    await getEvent(storage, eventId);
    const body = await readBody(c, itemSchema);
    const { item, created } = await putItem(storage, eventId, body);
    return c.json(item, created ? 201 : 200);
  });

  return r;
}
