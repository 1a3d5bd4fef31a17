import type { DeviceSummary } from "../../sync/host.js";
import type { Role } from "../../sync/index.js";
import { ApiError } from "../http/errors.js";
import type { Sql } from "../storage/port.js";

export interface DeviceAuth {
  id: string;
  eventId: string;
  role: Role;
  label: string;
}

/** Revoked devices are not found: they get the same 401 as an unknown token. */
export async function deviceByTokenHash(sql: Sql, tokenHash: string): Promise<DeviceAuth | null> {
  const rows = await sql.query<{ id: string; event_id: string; role: Role; label: string }>(
    "SELECT id, event_id, role, label FROM devices WHERE token_hash = $1 AND revoked_at IS NULL",
    [tokenHash],
  );
  const r = rows[0];
  return r ? { id: r.id, eventId: r.event_id, role: r.role, label: r.label } : null;
}

/**
 * Remembers when the device last reached us and how far its clock is off. Skipped while the
 * row is locked by a push (SKIP LOCKED): the push records the same facts in its own transaction,
 * and a pull must never wait behind a push.
 */
export async function recordContact(sql: Sql, deviceId: string, now: number, clockOffsetMs: number | null): Promise<void> {
  await sql.query(
    `UPDATE devices SET last_sync_at = $2, clock_offset_ms = COALESCE($3, clock_offset_ms)
     WHERE id = (SELECT id FROM devices WHERE id = $1 FOR UPDATE SKIP LOCKED)`,
    [deviceId, now, clockOffsetMs],
  );
}

export type { DeviceSummary };

export interface DeviceRow {
  id: string;
  role: Role;
  label: string;
  created_at: number;
  revoked_at: number | null;
  last_sync_at: number | null;
  contiguous_seq: number;
  max_seq: number;
  held_count: number;
  clock_offset_ms: number | null;
}

export const toDeviceSummary = (r: DeviceRow): DeviceSummary => ({
  id: r.id,
  role: r.role,
  label: r.label,
  enrolledAt: r.created_at,
  revokedAt: r.revoked_at,
  lastSyncAt: r.last_sync_at,
  ackedThroughSeq: r.contiguous_seq,
  maxSeq: r.max_seq,
  heldBehindGap: r.held_count,
  clockOffsetMs: r.clock_offset_ms,
});

export async function listDevices(sql: Sql, eventId: string): Promise<DeviceSummary[]> {
  const rows = await sql.query<DeviceRow>(
    `SELECT id, role, label, created_at, revoked_at, last_sync_at, contiguous_seq, max_seq, held_count, clock_offset_ms
     FROM devices WHERE event_id = $1 ORDER BY created_at, id`,
    [eventId],
  );
  return rows.map(toDeviceSummary);
}

/** A lost or stolen phone: its token stops working at once; what it already pushed stays in the log. */
export async function revokeDevice(sql: Sql, eventId: string, deviceId: string): Promise<DeviceSummary> {
  const rows = await sql.query<DeviceRow>(
    `UPDATE devices SET revoked_at = COALESCE(revoked_at, $3) WHERE event_id = $1 AND id = $2
     RETURNING id, role, label, created_at, revoked_at, last_sync_at, contiguous_seq, max_seq, held_count, clock_offset_ms`,
    [eventId, deviceId, Date.now()],
  );
  if (!rows[0]) throw new ApiError("DEVICE_NOT_FOUND", `Event ${eventId} has no device ${deviceId}; list devices with GET /api/v1/events/${eventId}/devices.`);
  return toDeviceSummary(rows[0]);
}
