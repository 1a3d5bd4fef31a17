import { Hono } from "hono";
import { createEvent, getEvent, listEvents, newEventSchema } from "../../domain/events.js";
import { listKeys, retireKey, rotateKey } from "../../domain/keys.js";
import { requireHost } from "../auth.js";
import { readBody } from "../body.js";
import type { AppEnv } from "../context.js";
import { ApiError } from "../errors.js";
import { eventIdParam } from "../params.js";

/** Events and their signing keys (host). */
export function eventRoutes(): Hono<AppEnv> {
  const r = new Hono<AppEnv>();

  r.post("/events", async (c) => {
    await requireHost(c);
    const body = await readBody(c, newEventSchema);
    return c.json(await createEvent(c.get("deps").storage, body), 201);
  });

  r.get("/events", async (c) => {
    await requireHost(c);
    return c.json({ events: await listEvents(c.get("deps").storage) });
  });

  r.get("/events/:eventId", async (c) => {
    const eventId = eventIdParam(c.req.param("eventId"));
    await requireHost(c, eventId);
    return c.json(await getEvent(c.get("deps").storage, eventId));
  });

  r.get("/events/:eventId/keys", async (c) => {
    const eventId = eventIdParam(c.req.param("eventId"));
    await requireHost(c, eventId);
    const storage = c.get("deps").storage;
    await getEvent(storage, eventId);
    return c.json({ keys: await listKeys(storage, eventId) });
  });

  r.post("/events/:eventId/keys/rotate", async (c) => {
    const eventId = eventIdParam(c.req.param("eventId"));
    await requireHost(c, eventId);
    return c.json(await rotateKey(c.get("deps").storage, eventId), 201);
  });

  r.post("/events/:eventId/keys/:kid/retire", async (c) => {
    const eventId = eventIdParam(c.req.param("eventId"));
    await requireHost(c, eventId);
    const kid = c.req.param("kid");
    if (!/^[0-9a-f]{8}$/.test(kid)) throw new ApiError("KEY_NOT_FOUND", `There is no key ${JSON.stringify(kid.slice(0, 40))}; key ids are 8 lower-case hex digits.`);
    return c.json(await retireKey(c.get("deps").storage, eventId, kid));
  });

  return r;
}
