/**
 * An entry: one thing a device did, as data. Its type, its validator and its limits live here,
 * together, and both the server (on push) and the app (before writing its outbox) use them.
 */
import { z } from "zod";
import { VERDICTS } from "./verdicts.js";

export const ENTRY_TYPES = ["admit", "exit", "deny", "sale", "pickup", "void", "cash_count"] as const;
export type EntryType = (typeof ENTRY_TYPES)[number];

export const PAYMENT_METHODS = ["cash", "card", "comp"] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

/** Ids are made on devices; this keeps them printable, URL-safe and bounded. */
export const idSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "must be 1 to 64 letters, digits, '-' or '_'");
// 2000-01-01 to 2100-01-01: a device clock outside this is broken, not merely off.
const timeSchema = z.number().int().min(946684800000).max(4102444800000);
const cents = z.number().int().min(0).max(100_000_000);
const shortText = z.string().max(200);
/** Any reasonable number of string keys, each bounded; forward-compatible on purpose. */
const looseData = <T extends z.ZodRawShape>(shape: T) => z.looseObject(shape);

const admitData = looseData({
  verdict: z.enum(VERDICTS).optional(),
  manual: z.boolean().optional(),
  tier: shortText.optional(),
  holder: shortText.optional(),
  door: shortText.optional(),
  /** an admission despite a warning verdict (e.g. ALREADY_IN), decided by staff */
  override: z.enum(VERDICTS).optional(),
});
const exitData = looseData({ manual: z.boolean().optional(), door: shortText.optional() });
const denyData = looseData({
  verdict: z.enum(VERDICTS),
  detail: shortText.optional(),
  /** what was scanned, cut short: enough to recognise, never a whole foreign payload */
  text: z.string().max(200).optional(),
  manual: z.boolean().optional(),
  door: shortText.optional(),
});
export const saleLineSchema = z.object({
  sku: z.string().min(1).max(64),
  quantity: z.number().int().min(1).max(10_000),
  unitCents: cents,
});
const saleData = looseData({
  lines: z.array(saleLineSchema).min(1).max(100),
  method: z.enum(PAYMENT_METHODS),
  totalCents: cents,
  shift: shortText.optional(),
  /** the recording device's label, so a warning elsewhere can say where it happened */
  label: shortText.optional(),
});
const pickupData = looseData({
  /** entitlement name → how many handed over now */
  items: z.record(z.string().min(1).max(64), z.number().int().min(1).max(1000)),
  manual: z.boolean().optional(),
  label: shortText.optional(),
});
const voidData = looseData({
  voids: idSchema,
  reason: z.string().min(1).max(200),
  /** the voiding device's shift: a voided cash sale is paid back from that drawer */
  shift: shortText.optional(),
  label: shortText.optional(),
});
const cashCountData = looseData({ countedCents: cents, shift: shortText, expectedCents: cents.optional(), label: shortText.optional() });

const base = {
  id: idSchema,
  deviceId: idSchema,
  seq: z.number().int().min(1).max(2_147_483_647),
  at: timeSchema,
  passId: z.string().min(1).max(64).optional(),
};

export const entrySchema = z.discriminatedUnion("type", [
  z.object({ ...base, type: z.literal("admit"), passId: base.passId.unwrap(), data: admitData.optional() }),
  z.object({ ...base, type: z.literal("exit"), passId: base.passId.unwrap(), data: exitData.optional() }),
  z.object({ ...base, type: z.literal("deny"), data: denyData }),
  z.object({ ...base, type: z.literal("sale"), data: saleData }),
  z.object({ ...base, type: z.literal("pickup"), passId: base.passId.unwrap(), data: pickupData }),
  z.object({ ...base, type: z.literal("void"), data: voidData }),
  z.object({ ...base, type: z.literal("cash_count"), data: cashCountData }),
]);

export type Entry = z.infer<typeof entrySchema>;
export type EntryOf<T extends EntryType> = Extract<Entry, { type: T }>;

/** A serialized entry's data may not exceed this; it keeps a 1,000-entry push well under 2 MiB. */
export const MAX_ENTRY_DATA_BYTES = 1024;
/**
 * Entry data is a few flat fields and one level of lines or items. The bound is checked without
 * recursion before anything recursive (JSON.stringify, canonicalJson, jsonb) sees the value, so
 * a 50,000-deep array from a hostile client is a 400, not a stack overflow.
 */
export const MAX_ENTRY_DATA_DEPTH = 6;

/** True when `value` nests objects or arrays deeper than `max`. Iterative: safe at any depth. */
export function nestedDeeperThan(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (v === null || typeof v !== "object") continue;
    if (depth > max) return true;
    for (const child of Object.values(v as object)) stack.push([child, depth + 1]);
  }
  return false;
}

export type EntryCheck = { ok: true; entry: Entry } | { ok: false; message: string };

/** Validates one entry from the wire. Never throws; the message names the field and the fault. */
export function checkEntry(input: unknown): EntryCheck {
  if (nestedDeeperThan(input, MAX_ENTRY_DATA_DEPTH + 1)) {
    return { ok: false, message: `data: nested deeper than ${MAX_ENTRY_DATA_DEPTH} levels` };
  }
  const parsed = entrySchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const path = issue.path.length > 0 ? issue.path.join(".") : "entry";
    return { ok: false, message: `${path}: ${issue.message}` };
  }
  const data = (parsed.data as { data?: unknown }).data;
  if (data !== undefined && JSON.stringify(data).length > MAX_ENTRY_DATA_BYTES) {
    return { ok: false, message: `data: larger than ${MAX_ENTRY_DATA_BYTES} bytes` };
  }
  return { ok: true, entry: parsed.data };
}

/**
 * Two entries are the same entry when every field matches. Used to tell a retried push
 * (same content, accept silently) from a reused seq (other content, 409).
 */
export function sameEntry(a: Entry, b: Entry): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

/** JSON with object keys sorted, so equal content serializes equally whatever the key order. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v && typeof v === "object" && !Array.isArray(v)) {
      return Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    }
    return v;
  });
}
