import { Hono } from "hono";
import { MAX_BODY_BYTES } from "../../../sync/index.js";
import { getEvent } from "../../domain/events.js";
import { DEFAULT_PULL_LIMIT, MAX_PULL_LIMIT, pullEntriesText } from "../../domain/pull.js";
import { pushEntries } from "../../domain/push.js";
import { DEFAULT_ROSTER_LIMIT, MAX_ROSTER_LIMIT, rosterPage } from "../../domain/roster.js";
import { requireDevice, touchDevice } from "../auth.js";
import { readJson } from "../body.js";
import type { AppEnv } from "../context.js";
import { ApiError } from "../errors.js";
import { pageQuery } from "../params.js";

/** What enrolled devices call: roster down, entries up, everyone's entries down. */
export function syncRoutes(): Hono<AppEnv> {
  const r = new Hono<AppEnv>();

  r.get("/sync/roster", async (c) => {
    const auth = await requireDevice(c);
    const { cursor, limit } = pageQuery(c.req.query(), DEFAULT_ROSTER_LIMIT, MAX_ROSTER_LIMIT);
    const storage = c.get("deps").storage;
    const page = await rosterPage(storage, auth.device.eventId, cursor, limit);
    await touchDevice(c, auth);
    return c.json({ event: await getEvent(storage, auth.device.eventId), ...page, serverTime: Date.now() });
  });

  r.post("/sync/push", async (c) => {
    const auth = await requireDevice(c);
    const body = await readJson(c, MAX_BODY_BYTES);
    if (!body || typeof body !== "object" || Array.isArray(body) || !("entries" in body)) {
      throw new ApiError("INVALID_BODY", "Send {\"entries\": [...]} with up to 1,000 entries.");
    }
    const outcome = await pushEntries(c.get("deps").storage, auth.device, (body as { entries: unknown }).entries, auth);
    return c.json({ ...outcome, serverTime: Date.now() });
  });

  r.get("/sync/pull", async (c) => {
    const auth = await requireDevice(c);
    const { cursor, limit } = pageQuery(c.req.query(), DEFAULT_PULL_LIMIT, MAX_PULL_LIMIT);
    const storage = c.get("deps").storage;
    const page = await pullEntriesText(storage, auth.device.eventId, cursor, limit);
    await touchDevice(c, auth);
    // Entries are spliced in as the database's JSON text: a 5,000-entry page is not parsed and
    // re-serialized on the way through.
    const body = `{"entries":[${page.entries.join(",")}],"cursor":${JSON.stringify(page.cursor)},"more":${page.more},"serverTime":${Date.now()}}`;
    return c.body(body, 200, { "Content-Type": "application/json; charset=UTF-8" });
  });

  return r;
}
