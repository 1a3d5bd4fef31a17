/**
 * The host console's contract with the server, as one typed table of names — the same pattern as
 * the door's handler map (src/app/commands/types.ts): screens call `host(name, args)` and never
 * fetch. Wire shapes of API.md come from src/sync; the console's own endpoints from src/sync/host.
 */
import type { EventInfo, Role } from "../../../sync/index.js";
import type { DeviceSummary, ItemListResponse, LiveView, NetworkInfo, PassListResponse, ReportCounts, Sighting, TierSetting } from "../../../sync/host.js";

export interface NewEventInput {
  name: string;
  startsAt: number;
  endsAt: number;
  capacity: number | null;
}

export interface IssueInput {
  holder: string;
  tier: string;
  entitlements?: Record<string, number>;
}
export interface IssuedPass {
  id: string;
  code: string;
  holder: string;
  tier: string;
}

export interface Enrollment {
  code: string;
  url: string;
  expiresAt: number;
}

/** GET …/devices: one shape with the server's. */
export type DeviceInfo = DeviceSummary;

export type { Sighting };

/** GET …/report, as far as the console reads it; sections it does not know are shown generically. */
export interface ReportView {
  event: EventInfo;
  generatedAt: number;
  complete: boolean;
  counts?: ReportCounts;
  duplicateAdmissions?: { passId: string; holder: string | null; acrossDevices: boolean; admissions: (Sighting & { duplicate: boolean; override: boolean })[] }[];
  admittedAfterRevocation?: (Sighting & { passId: string; holder: string | null; revokedAt: number; reason: string | null })[];
  deviceGaps?: { deviceId: string; deviceLabel: string; ackedThroughSeq: number; maxSeq: number; missing: { from: number; to: number }[]; heldEntries: number }[];
  devicesNeverSynced?: { deviceId: string; deviceLabel: string; role: string; enrolledAt: number; revoked: boolean }[];
  clocks?: { deviceId: string; deviceLabel: string; role: string; lastSyncAt: number | null; clockOffsetMs: number | null; clockOff: boolean }[];
  // Volunteer mode's sections (sales, stock, pickups, cash, voids), when the server has them.
  sales?: {
    count: number;
    totalCents: number;
    voidedCount: number;
    byMethod: Record<string, { count: number; totalCents: number }>;
    byItem: { sku: string; name: string | null; quantity: number; totalCents: number; byMethod: Record<string, number> }[];
  };
  oversold?: { sku: string; name: string | null; stock: number; sold: number; oversoldBy: number; devices: { deviceId: string; deviceLabel: string; quantity: number }[]; sales: (Sighting & { quantity: number; pastStock: boolean })[] }[];
  duplicatePickups?: { passId: string; holder: string | null; entitlement: string; entitled: number; taken: number; over: number; acrossDevices: boolean; pickups: (Sighting & { quantity: number; duplicate: boolean })[] }[];
  cash?: {
    deviceId: string;
    deviceLabel: string;
    shift: string;
    cashSales: number;
    expectedCents: number;
    countedCents: number | null;
    differenceCents: number | null;
    countedAt: number | null;
    status: "balanced" | "short" | "over" | "not_counted";
    complete: boolean;
  }[];
  voids?: (Sighting & { reason: string; voids: string; repeated: boolean; target: (Sighting & { type: string; totalCents: number | null }) | null })[];
  [section: string]: unknown;
}

export interface DrillEntry {
  entry: { id: string; deviceId: string; seq: number; type: string; at: number; passId?: string; data?: Record<string, unknown> };
  deviceLabel: string;
  correctedAt: number;
  held: boolean;
  voided: boolean;
  holder: string | null;
}

export interface IssueProgress {
  issued: number;
  total: number;
}

export interface HostHandlers {
  /** checks a token before it is kept: true when the server accepts it as the host's */
  "auth/check": (args: { token: string }) => Promise<boolean>;
  "host/network": (args: void) => Promise<NetworkInfo>;
  "events/list": (args: void) => Promise<EventInfo[]>;
  "events/create": (args: NewEventInput) => Promise<EventInfo>;
  "events/update": (args: { eventId: string } & Partial<NewEventInput>) => Promise<EventInfo>;
  "tiers/get": (args: { eventId: string }) => Promise<TierSetting[]>;
  "tiers/save": (args: { eventId: string; tiers: TierSetting[] }) => Promise<TierSetting[]>;
  "items/list": (args: { eventId: string }) => Promise<ItemListResponse["items"]>;
  "items/put": (args: { eventId: string; sku: string; name: string; priceCents: number; stock: number }) => Promise<void>;
  "passes/list": (args: { eventId: string; offset: number; limit: number; q?: string }) => Promise<PassListResponse>;
  /** issues in requests of at most 10,000, reporting progress after each */
  "passes/issue": (args: { eventId: string; passes: IssueInput[]; onProgress?: (p: IssueProgress) => void }) => Promise<IssuedPass[]>;
  "passes/revoke": (args: { eventId: string; passId: string; reason: string }) => Promise<void>;
  "enrollments/create": (args: { eventId: string; role: Role; label?: string }) => Promise<Enrollment>;
  "devices/list": (args: { eventId: string }) => Promise<DeviceInfo[]>;
  "devices/revoke": (args: { eventId: string; deviceId: string }) => Promise<void>;
  "live/get": (args: { eventId: string }) => Promise<LiveView>;
  "report/get": (args: { eventId: string }) => Promise<ReportView>;
  "report/entries": (args: { eventId: string; passId?: string; deviceId?: string; ids?: string[] }) => Promise<{ entries: DrillEntry[]; more: boolean }>;
  /** a CSV export as text, fetched with the token (a plain link cannot send it) */
  "export/csv": (args: { eventId: string; which: "entries" | "report" }) => Promise<{ filename: string; text: string }>;
}

export type HostName = keyof HostHandlers;
export type HostArgs<K extends HostName> = Parameters<HostHandlers[K]>[0];
export type HostResult<K extends HostName> = Awaited<ReturnType<HostHandlers[K]>>;
