import type { EventInfo, Role } from "../../sync/index.js";
import { ApiError } from "../http/errors.js";
import type { Storage } from "../storage/port.js";
import { getEvent } from "./events.js";
import { hashSecret, newEnrollmentCode, newToken, normalizeEnrollmentCode, randomHex } from "./secrets.js";

export const DEFAULT_ENROLLMENT_TTL_MS = 24 * 60 * 60 * 1000;

export interface Enrollment {
  code: string;
  expiresAt: number;
}

export async function createEnrollment(
  storage: Storage,
  eventId: string,
  role: Role,
  label: string | null,
  ttlMs = DEFAULT_ENROLLMENT_TTL_MS,
): Promise<Enrollment> {
  await getEvent(storage, eventId);
  const code = newEnrollmentCode();
  const now = Date.now();
  const expiresAt = now + ttlMs;
  await storage.query(
    "INSERT INTO enrollments (code_hash, event_id, role, label, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6)",
    [hashSecret(code), eventId, role, label, now, expiresAt],
  );
  return { code, expiresAt };
}

export interface Enrolled {
  deviceId: string;
  token: string;
  eventId: string;
  role: Role;
  event: EventInfo;
}

/**
 * Trades a code for a device token. The code row is locked while it is spent, so two phones
 * racing with one code get one device between them; the other gets 410.
 */
export async function enroll(storage: Storage, code: string, label: string | undefined, now = Date.now()): Promise<Enrolled> {
  return storage.transaction(async (tx) => {
    const rows = await tx.query<{ code_hash: string; event_id: string; role: Role; label: string | null; expires_at: number; used_at: number | null }>(
      "SELECT code_hash, event_id, role, label, expires_at, used_at FROM enrollments WHERE code_hash = $1 FOR UPDATE",
      [hashSecret(normalizeEnrollmentCode(code))],
    );
    const e = rows[0];
    if (!e) throw new ApiError("ENROLLMENT_CODE_NOT_FOUND", "This enrollment code is not known; check it for typos or ask the host for a new one.");
    if (e.used_at !== null) throw new ApiError("ENROLLMENT_CODE_USED", "This enrollment code has already been used; ask the host for a new one.");
    if (e.expires_at <= now) throw new ApiError("ENROLLMENT_CODE_EXPIRED", "This enrollment code has expired; ask the host for a new one.");
    const deviceId = `d${randomHex(8)}`;
    const token = newToken();
    const deviceLabel = label?.trim() || e.label || `${e.role} ${deviceId.slice(1, 5)}`;
    await tx.query("INSERT INTO devices (id, event_id, role, label, token_hash, created_at) VALUES ($1, $2, $3, $4, $5, $6)", [
      deviceId,
      e.event_id,
      e.role,
      deviceLabel,
      hashSecret(token),
      now,
    ]);
    await tx.query("UPDATE enrollments SET used_at = $2, device_id = $3 WHERE code_hash = $1", [e.code_hash, now, deviceId]);
    return { deviceId, token, eventId: e.event_id, role: e.role, event: await getEvent(tx, e.event_id) };
  });
}
