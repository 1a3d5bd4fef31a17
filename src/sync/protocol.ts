/** The wire shapes of ../shared/API.md's device endpoints, used by the server and the sync client. */
import type { Entry } from "./entry.js";

export const MAX_PUSH_ENTRIES = 1000;
export const MAX_BODY_BYTES = 2 * 1024 * 1024;
export const MAX_ISSUE_PASSES = 10_000;

export const ROLES = ["door", "volunteer", "host"] as const;
export type Role = (typeof ROLES)[number];

export interface ApiError {
  error: { code: string; message: string };
}

export interface EnrollRequest {
  code: string;
  label: string;
}
export interface EnrollResponse {
  deviceId: string;
  token: string;
  eventId: string;
  role: Role;
  event?: EventInfo;
}

export interface EventInfo {
  id: string;
  name: string;
  startsAt: number;
  endsAt: number;
  capacity: number | null;
}

export interface RosterKey {
  kid: string;
  /** 32 raw bytes, hex */
  publicKey: string;
  retired?: boolean;
}

export interface RosterPass {
  id: string;
  holder: string;
  tier: string;
  entitlements: Record<string, number>;
  validFrom?: number | null;
  validUntil?: number | null;
  revoked: boolean;
  revokedAt?: number | null;
  revokeReason?: string | null;
}

export interface RosterItem {
  sku: string;
  name: string;
  priceCents: number;
  stock: number;
}

export interface RosterResponse {
  event?: EventInfo;
  keys: RosterKey[];
  passes: RosterPass[];
  revoked: string[];
  items: RosterItem[];
  cursor: string;
  more: boolean;
  serverTime: number;
}

export interface PushRequest {
  entries: Entry[];
}
export interface PushResponse {
  ackedThroughSeq: number;
  accepted: number;
  duplicates: number;
  serverTime: number;
}

export interface PullResponse {
  entries: Entry[];
  cursor: string;
  more: boolean;
  serverTime: number;
}
