/**
 * Wire shapes of the host console's own endpoints (src/server/http/routes/host-console.ts), shared
 * by that route and the console's client so neither can drift from the other. API.md's endpoints
 * keep their shapes in protocol.ts; these extend the contract, they do not change it. The device
 * list, a finding's pointer to an entry and the report's counts are here for the same reason.
 */
import type { Role } from "./protocol.js";

/** A tier and what one pass of it entitles its holder to pick up (e.g. {kit: 1, tote: 1}). */
export interface TierSetting {
  name: string;
  entitlements: Record<string, number>;
}
export interface TiersBody {
  tiers: TierSetting[];
}

export interface PassListItem {
  id: string;
  code: string;
  holder: string;
  tier: string;
  entitlements: Record<string, number>;
  createdAt: number;
  revokedAt: number | null;
  revokeReason: string | null;
  /** first admission in the served log, clock-corrected */
  admittedAt: number | null;
}
export interface PassListResponse {
  passes: PassListItem[];
  total: number;
  offset: number;
}

export interface ItemListResponse {
  items: { sku: string; name: string; priceCents: number; stock: number }[];
}

export interface LiveTier {
  tier: string;
  issued: number;
  admitted: number;
  inside: number;
}

export interface LiveDevice {
  id: string;
  label: string;
  role: Role | string;
  lastSyncAt: number | null;
  admits: number;
  exits: number;
  denies: number;
  sales: number;
  pickups: number;
  lastEntryAt: number | null;
}

export interface LiveSales {
  count: number;
  totalCents: number;
  byMethod: Record<string, { count: number; totalCents: number }>;
  items: { sku: string; name: string | null; quantity: number; totalCents: number; stock: number | null }[];
}

export interface LiveView {
  serverTime: number;
  passesIssued: number;
  passesRevoked: number;
  /** distinct passes admitted at least once */
  admitted: number;
  /** passes whose latest admit/exit is an admit */
  insideNow: number;
  capacity: number | null;
  denies: number;
  byTier: LiveTier[];
  /** first admissions per 5 minutes, oldest first; bucket start in ms */
  arrivals: { start: number; count: number }[];
  devices: LiveDevice[];
  sales: LiveSales;
  /**
   * pickups: entries, items handed over (all of them), redeemed (those within each pass's
   * entitlement), and entitled (what the valid passes entitle their holders to, in total)
   */
  pickups: { entries: number; items: number; redeemed: number; entitled: number };
}

/** GET /api/v1/host/network: how phones on this network reach the server. */
export interface NetworkInfo {
  /** PUBLIC_URL when the server has one; enrollment links already use it */
  publicUrl: string | null;
  /** whether this request came over TLS: phones need it for the camera */
  secure: boolean;
  /** this machine's addresses on its networks, as origins with the request's scheme and port */
  origins: string[];
}

/** A device as GET …/devices lists it and the report refers to it. */
export interface DeviceSummary {
  id: string;
  role: Role;
  label: string;
  enrolledAt: number;
  revokedAt: number | null;
  lastSyncAt: number | null;
  ackedThroughSeq: number;
  maxSeq: number;
  /** entries stored past a gap, waiting for the missing ones */
  heldBehindGap: number;
  clockOffsetMs: number | null;
}

/** One entry as a report finding points at it: enough to find it on the device and in the CSV. */
export interface Sighting {
  entryId: string;
  deviceId: string;
  deviceLabel: string;
  seq: number;
  at: number;
  correctedAt: number;
}

/** The report's counts section. */
export interface ReportCounts {
  entries: number;
  /** acknowledged and served to other devices */
  served: number;
  heldBehindGaps: number;
  voided: number;
  byType: Record<string, number>;
  /** admit and deny entries by the verdict the device showed (admits without one count as ADMIT) */
  byVerdict: Record<string, number>;
  /** distinct passes admitted at least once */
  passesAdmitted: number;
}
