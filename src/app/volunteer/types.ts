/**
 * What volunteer mode's commands take and answer. Part of the screens' contract
 * (src/app/commands/types.ts lists the handlers); codes here, words at the UI boundary.
 */
import type { PaymentMethod } from "../../sync/index.js";

export interface CatalogItem {
  sku: string;
  name: string;
  priceCents: number;
  /** what the host stocked */
  stock: number;
  /** net units sold: every synced device's sales and this device's unsynced ones, voids given back */
  sold: number;
  /** stock − sold; negative when the event has sold more than it had */
  left: number;
}

export interface SaleLineInput {
  sku: string;
  quantity: number;
}

export interface OversoldLine {
  sku: string;
  name: string;
  /** stock left after this sale (negative) */
  left: number;
}

export interface SaleOutcome {
  entryId: string;
  totalCents: number;
  method: PaymentMethod;
  shift: string;
  /** lines this sale took below zero: a warning, the sale is recorded all the same */
  oversold: OversoldLine[];
}

export interface EntitlementLeft {
  name: string;
  /** what the pass entitles its holder to (0 when the roster does not list it) */
  entitled: number;
  /** handed over so far, on this device or any synced one, voids excluded */
  taken: number;
  left: number;
}

export interface PickupSeen {
  entryId: string;
  at: number;
  deviceId: string;
  /** the recording device's label */
  where: string;
  /** recorded on this device */
  here: boolean;
  items: Record<string, number>;
  voided: boolean;
}

export interface PickupLookup {
  passId: string;
  /** null when the pass was issued after this device's last roster sync */
  holder: string | null;
  tier: string | null;
  revoked: boolean;
  entitlements: EntitlementLeft[];
  /** every pickup on this pass seen so far, oldest first */
  previous: PickupSeen[];
}

/** Why a scanned or typed code found no pass to hand things over for. */
export type PickupRefusal = "NOT_A_PASS" | "WRONG_EVENT" | "UNKNOWN_KEY" | "FORGED";

export type PickupFind = { ok: true; lookup: PickupLookup } | { ok: false; reason: PickupRefusal; detail: string };

export interface RepeatedPickup {
  name: string;
  entitled: number;
  /** handed over before this pickup */
  takenBefore: number;
  now: number;
}

export interface PickupOutcome {
  entryId: string;
  /** the entitlements this pickup took past what the pass allows: a warning, recorded all the same */
  repeated: RepeatedPickup[];
  /** the earlier pickups of this pass, with when and where */
  previous: PickupSeen[];
  lookup: PickupLookup;
}

export interface RecentEntry {
  entryId: string;
  type: "sale" | "pickup";
  at: number;
  /** sales */
  lines: { sku: string; name: string; quantity: number; unitCents: number }[];
  method: PaymentMethod | null;
  totalCents: number;
  /** pickups */
  passId: string | null;
  holder: string | null;
  items: Record<string, number>;
  voided: boolean;
  voidReason: string | null;
}

export interface VoidOutcome {
  entryId: string;
  voids: string;
}

export interface ShiftSummary {
  id: string;
  n: number;
  /** null while nothing has been recorded in it yet */
  openedAt: number | null;
  cashSalesCents: number;
  refundsCents: number;
  /** cash sales − cash paid back for voids: what the drawer should hold beyond its float */
  expectedCents: number;
  sales: number;
}

export interface ClosedShift extends ShiftSummary {
  closedAt: number;
  countedCents: number;
  /** counted − expected: negative when the drawer is short */
  differenceCents: number;
}

export interface ShiftView {
  current: ShiftSummary;
  /** newest first */
  closed: ClosedShift[];
}

export interface ShiftCloseOutcome {
  entryId: string;
  closed: ClosedShift;
  next: ShiftSummary;
}
