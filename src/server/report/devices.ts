import type { ReportSection } from "./section.js";

/** Beyond this, a device's clock is flagged: its local times are shown corrected in the CSV. */
export const CLOCK_FLAG_MS = 2 * 60_000;

export interface DeviceClock {
  deviceId: string;
  deviceLabel: string;
  role: string;
  lastSyncAt: number | null;
  clockOffsetMs: number | null;
  clockOff: boolean;
}

export const deviceClocks: ReportSection<DeviceClock[]> = {
  key: "clocks",
  build(ctx) {
    return ctx.devices.map((d) => ({
      deviceId: d.id,
      deviceLabel: d.label,
      role: d.role,
      lastSyncAt: d.lastSyncAt,
      clockOffsetMs: d.clockOffsetMs,
      clockOff: d.clockOffsetMs !== null && Math.abs(d.clockOffsetMs) > CLOCK_FLAG_MS,
    }));
  },
};

export interface SilentDevice {
  deviceId: string;
  deviceLabel: string;
  role: string;
  enrolledAt: number;
  revoked: boolean;
}

/** Enrolled but never heard from since: whatever it recorded is on the phone only. */
export const neverSynced: ReportSection<SilentDevice[]> = {
  key: "devicesNeverSynced",
  build(ctx) {
    const withEntries = new Set(ctx.entries.map((e) => e.device.id));
    return ctx.devices
      .filter((d) => d.lastSyncAt === null && !withEntries.has(d.id))
      .map((d) => ({ deviceId: d.id, deviceLabel: d.label, role: d.role, enrolledAt: d.enrolledAt, revoked: d.revokedAt !== null }));
  },
};
