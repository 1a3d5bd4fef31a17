import { Hono } from "hono";
import { z } from "zod";
import { ROLES } from "../../../sync/index.js";
import { listDevices, revokeDevice } from "../../domain/devices.js";
import { createEnrollment, DEFAULT_ENROLLMENT_TTL_MS, enroll } from "../../domain/enrollment.js";
import { getEvent } from "../../domain/events.js";
import { requireHost } from "../auth.js";
import { readBody } from "../body.js";
import type { AppEnv } from "../context.js";
import { ApiError } from "../errors.js";
import { eventIdParam } from "../params.js";

const enrollmentSchema = z.object({
  role: z.enum(ROLES),
  label: z.string().trim().max(100).optional(),
  /** how long the code stays usable; 24 hours when omitted */
  ttlMinutes: z.number().int().min(1).max(7 * 24 * 60).optional(),
});

const enrollSchema = z.object({
  code: z.string().trim().min(1).max(64),
  label: z.string().trim().max(100).optional(),
});

/** Enrollment and the devices it makes. */
export function deviceRoutes(): Hono<AppEnv> {
  const r = new Hono<AppEnv>();

  r.post("/events/:eventId/enrollments", async (c) => {
    const eventId = eventIdParam(c.req.param("eventId"));
    await requireHost(c, eventId);
    const body = await readBody(c, enrollmentSchema);
    const deps = c.get("deps");
    const ttl = body.ttlMinutes ? body.ttlMinutes * 60_000 : DEFAULT_ENROLLMENT_TTL_MS;
    const { code, expiresAt } = await createEnrollment(deps.storage, eventId, body.role, body.label || null, ttl);
    const origin = (deps.publicUrl ?? new URL(c.req.url).origin).replace(/\/+$/, "");
    return c.json({ code, url: `${origin}/enroll?code=${encodeURIComponent(code)}`, expiresAt, role: body.role, eventId }, 201);
  });

  r.post("/enroll", async (c) => {
    const body = await readBody(c, enrollSchema);
    const deps = c.get("deps");
    return c.json(await enroll(deps.storage, body.code, body.label, (deps.now ?? Date.now)()), 201);
  });

  r.get("/events/:eventId/devices", async (c) => {
    const eventId = eventIdParam(c.req.param("eventId"));
    await requireHost(c, eventId);
    const storage = c.get("deps").storage;
    await getEvent(storage, eventId);
    return c.json({ devices: await listDevices(storage, eventId), serverTime: Date.now() });
  });

  r.post("/events/:eventId/devices/:deviceId/revoke", async (c) => {
    const eventId = eventIdParam(c.req.param("eventId"));
    await requireHost(c, eventId);
    const deviceId = c.req.param("deviceId");
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(deviceId)) throw new ApiError("DEVICE_NOT_FOUND", "There is no such device; list devices with GET …/devices.");
    return c.json(await revokeDevice(c.get("deps").storage, eventId, deviceId));
  });

  return r;
}
