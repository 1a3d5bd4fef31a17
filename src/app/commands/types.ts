/**
 * The contract between the screens and everything below them. React components never touch
 * Dexie or fetch: they call `send(name, args)` with one of these commands or queries and render
 * what comes back. (The shape follows Actual Budget's handler map: one typed table of names.)
 * Implementations live beside this file; the UI imports only `send`, `subscribe` and these types.
 */
import type { PaymentMethod, Role, Verdict } from "../../sync/index.js";
import type {
  CatalogItem,
  PickupFind,
  PickupLookup,
  PickupOutcome,
  RecentEntry,
  SaleLineInput,
  SaleOutcome,
  ShiftCloseOutcome,
  ShiftView,
  VoidOutcome,
} from "../volunteer/types.js";

export interface DeviceIdentity {
  deviceId: string;
  eventId: string;
  role: Role;
  label: string;
  enrolledAt: number;
}

export interface EventSummary {
  id: string;
  name: string;
  startsAt: number;
  endsAt: number;
  capacity: number | null;
}

/** This door's check-in list and mode; stored on the device only. */
export interface DoorSettings {
  /** tiers this door admits; null admits every tier */
  tiers: string[] | null;
  /** whether a pass scanned out may come back in */
  reentry: boolean;
  mode: "entry" | "exit";
}

export type ScanSource = "camera" | "typed" | "search";

export interface ScanOutcome {
  verdict: Verdict;
  /** set when the same code was seen within the jitter window: nothing logged, show nothing */
  ignored: boolean;
  passId?: string;
  holder?: string;
  tier?: string;
  /** the reason in plain technical words, for the small print under the verdict */
  detail: string;
  /** for ALREADY_IN: when and where the earlier admission happened */
  previous?: { at: number; where: string };
  /** the entry written for this scan (every scan that is not ignored writes one) */
  entryId?: string;
  insideNow: number;
  capacity: number | null;
  /** true from 90% of capacity */
  nearCapacity: boolean;
}

export interface HolderMatch {
  passId: string;
  holder: string;
  tier: string;
  revoked: boolean;
  /** when this pass was last admitted, on any synced device */
  admittedAt?: number;
}

export interface SyncStatus {
  online: boolean;
  syncing: boolean;
  /** entries written on this device and not yet acknowledged by the server */
  pending: number;
  lastSyncAt: number | null;
  lastError: string | null;
  /** server time minus device time, from the last response */
  clockOffsetMs: number | null;
}

export interface RosterProgress {
  passes: number;
  bytes: number;
  done: boolean;
}

export interface DoorCounts {
  insideNow: number;
  admitted: number;
  capacity: number | null;
}

export type WipeResult = { wiped: true } | { wiped: false; pending: number };

/** Every command and query the screens may send, with its argument and its answer. */
export interface Handlers {
  "device/get": (args: void) => Promise<{ device: DeviceIdentity; event: EventSummary | null } | null>;
  "device/enroll": (args: { code: string; label: string; onProgress?: (p: RosterProgress) => void }) => Promise<DeviceIdentity>;
  "device/set-label": (args: { label: string }) => Promise<void>;
  /** refuses (wiped: false) while entries are pending, unless confirmLoss is true */
  "device/wipe": (args: { confirmLoss: boolean }) => Promise<WipeResult>;

  "door/scan": (args: { text: string; source: ScanSource }) => Promise<ScanOutcome>;
  /** the guest whose QR will not scan: found by name, admitted by tap, logged as manual */
  "door/admit-pass": (args: { passId: string }) => Promise<ScanOutcome>;
  "door/search": (args: { query: string; limit?: number }) => Promise<HolderMatch[]>;
  "door/counts": (args: void) => Promise<DoorCounts>;
  "door/settings": (args: void) => Promise<DoorSettings>;
  "door/save-settings": (args: DoorSettings) => Promise<void>;
  /** every tier the cached roster knows, for the check-in list picker */
  "door/tiers": (args: void) => Promise<string[]>;

  /** volunteer mode (src/app/volunteer): the catalog with stock left across every synced device */
  "volunteer/catalog": (args: void) => Promise<CatalogItem[]>;
  /** records at once, warns (never blocks) when a line takes stock below zero */
  "volunteer/sell": (args: { lines: SaleLineInput[]; method: PaymentMethod }) => Promise<SaleOutcome>;
  /** a scanned or typed pass code → its entitlements and what is left of them */
  "volunteer/pickup-find": (args: { text: string }) => Promise<PickupFind>;
  /** a pass found by name (door/search) → its entitlements and what is left of them */
  "volunteer/pickup-lookup": (args: { passId: string }) => Promise<PickupLookup>;
  /** records at once, warns with when and where when the pass already collected it */
  "volunteer/pickup": (args: { passId: string; items: Record<string, number> }) => Promise<PickupOutcome>;
  "volunteer/recent": (args: { limit?: number } | void) => Promise<RecentEntry[]>;
  "volunteer/void": (args: { entryId: string; reason: string }) => Promise<VoidOutcome>;
  "volunteer/shift": (args: void) => Promise<ShiftView>;
  "volunteer/close-shift": (args: { countedCents: number }) => Promise<ShiftCloseOutcome>;

  "sync/now": (args: void) => Promise<SyncStatus>;
  "sync/status": (args: void) => Promise<SyncStatus>;
}

export type HandlerName = keyof Handlers;
export type ArgsOf<K extends HandlerName> = Parameters<Handlers[K]>[0];
export type ResultOf<K extends HandlerName> = Awaited<ReturnType<Handlers[K]>>;

/** Pushed to subscribers when something the screens show has changed underneath them. */
export type AppEvent =
  | { type: "sync-status"; status: SyncStatus }
  | { type: "roster-progress"; progress: RosterProgress }
  | { type: "data-changed"; tables: string[] };

export type { PaymentMethod };
