import type { Context } from "hono";
import { timingSafeEqual } from "node:crypto";
import { deviceByTokenHash, recordContact, type DeviceAuth } from "../domain/devices.js";
import { hashSecret } from "../domain/secrets.js";
import type { AppEnv } from "./context.js";
import { ApiError } from "./errors.js";

export type Principal = { kind: "host" } | { kind: "device"; device: DeviceAuth };

const DEVICE_TIME_HEADER = "x-doorlist-device-time";

function bearer(c: Context<AppEnv>): string {
  const header = c.req.header("authorization");
  const m = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  if (!m) throw new ApiError("UNAUTHENTICATED", "Send your token as Authorization: Bearer <token>; the host token is printed at first start, device tokens come from enrollment.");
  return m[1]!;
}

/** Who is calling. Only hashes are compared or looked up; the token itself is never logged or stored. */
export async function authenticate(c: Context<AppEnv>): Promise<Principal> {
  const deps = c.get("deps");
  const hash = hashSecret(bearer(c));
  if (timingSafeEqual(Buffer.from(hash, "hex"), Buffer.from(deps.hostTokenHash, "hex"))) return { kind: "host" };
  const device = await deviceByTokenHash(deps.storage, hash);
  if (!device) throw new ApiError("UNAUTHENTICATED", "This token is unknown or its device was revoked; enroll the device again with a new code from the host.");
  return { kind: "device", device };
}

/** The host token, or a device enrolled with the host role for this very event. */
export async function requireHost(c: Context<AppEnv>, eventId?: string): Promise<Principal> {
  const who = await authenticate(c);
  if (who.kind === "host") return who;
  if (eventId === undefined) throw new ApiError("FORBIDDEN", "Only the host token may do this.");
  if (who.device.role !== "host") throw new ApiError("FORBIDDEN", `A ${who.device.role} device may not do this; use the host token or a host device.`);
  if (who.device.eventId !== eventId) throw new ApiError("FORBIDDEN", "This device belongs to another event.");
  return who;
}

/** An enrolled device; its clock offset and contact time are recorded on the way in. */
export async function requireDevice(c: Context<AppEnv>): Promise<{ device: DeviceAuth; clockOffsetMs: number | null; now: number }> {
  const who = await authenticate(c);
  if (who.kind !== "device") throw new ApiError("FORBIDDEN", "The host token is not a device; enroll a device to sync.");
  const now = (c.get("deps").now ?? Date.now)();
  return { device: who.device, clockOffsetMs: clockOffset(c, now), now };
}

/** serverTime − deviceTime from X-Doorlist-Device-Time, or null when the device did not send it. */
export function clockOffset(c: Context<AppEnv>, now: number): number | null {
  const raw = c.req.header(DEVICE_TIME_HEADER);
  if (raw === undefined || raw === "") return null;
  if (!/^\d{1,16}$/.test(raw.trim())) {
    throw new ApiError("INVALID_HEADER", "X-Doorlist-Device-Time must be the device's clock in whole milliseconds since the epoch.");
  }
  return now - Number(raw.trim());
}

export async function touchDevice(c: Context<AppEnv>, auth: { device: DeviceAuth; clockOffsetMs: number | null; now: number }): Promise<void> {
  await recordContact(c.get("deps").storage, auth.device.id, auth.now, auth.clockOffsetMs);
}
