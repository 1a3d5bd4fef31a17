/** Entries as volunteer devices write them, for the volunteer tests. */
import type { Entry, PaymentMethod } from "../../../src/sync/index.js";
import { NOW } from "../fixtures.js";

export function sale(deviceId: string, seq: number, lines: [sku: string, quantity: number, unitCents: number][], method: PaymentMethod = "cash", extra: { shift?: string; at?: number; label?: string } = {}): Entry {
  const totalCents = method === "comp" ? 0 : lines.reduce((t, [, q, c]) => t + q * c, 0);
  return {
    id: `${deviceId}-${seq}`,
    deviceId,
    seq,
    type: "sale",
    at: extra.at ?? NOW + seq * 1000,
    data: {
      lines: lines.map(([sku, quantity, unitCents]) => ({ sku, quantity, unitCents })),
      method,
      totalCents,
      ...(extra.shift ? { shift: extra.shift } : {}),
      ...(extra.label ? { label: extra.label } : {}),
    },
  };
}

export function pickup(deviceId: string, seq: number, passId: string, items: Record<string, number>, extra: { at?: number; label?: string } = {}): Entry {
  return { id: `${deviceId}-${seq}`, deviceId, seq, type: "pickup", passId, at: extra.at ?? NOW + seq * 1000, data: { items, ...(extra.label ? { label: extra.label } : {}) } };
}

export function voidOf(deviceId: string, seq: number, target: string, reason = "mistake", shift?: string): Entry {
  return { id: `${deviceId}-${seq}`, deviceId, seq, type: "void", at: NOW + seq * 1000, data: { voids: target, reason, ...(shift ? { shift } : {}) } };
}
