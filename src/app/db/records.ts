/**
 * What the door app keeps in IndexedDB, one type and one validator per record. Validators run on
 * what is read back, because a database outlives the code that wrote it: a record from an older
 * build or a half-finished wipe must turn into a clear error, never into a wrong verdict.
 */
import { z } from "zod";
import { entrySchema, ROLES, type Entry } from "../../sync/index.js";

/** 0/1 rather than booleans: IndexedDB cannot index booleans. */
const flag = z.union([z.literal(0), z.literal(1)]);
export type Flag = z.infer<typeof flag>;

/**
 * A roster pass. Empty fields are left out rather than stored as null or {}: 100,000 of these are
 * written at enrollment, and smaller records load faster (readers accept both forms).
 */
export const passRecordSchema = z.object({
  id: z.string(),
  holder: z.string(),
  tier: z.string(),
  entitlements: z.record(z.string(), z.number()).optional(),
  validFrom: z.number().nullable().optional(),
  validUntil: z.number().nullable().optional(),
  /** 1 when the roster says revoked; absent or 0 otherwise. The revocations table is the authority. */
  revoked: flag.optional(),
  // v2 and v3 stored nameKeys here for a name index; v4 searches name blocks (names.ts) instead.
});
export type PassRecord = z.infer<typeof passRecordSchema>;

export const keyRecordSchema = z.object({
  kid: z.string(),
  /** 32 raw bytes: CryptoKeys cannot be shared across verifiers and are cached in memory only */
  publicKey: z.custom<Uint8Array>((v) => v instanceof Uint8Array, "must be raw key bytes"),
  retired: flag,
});
export type KeyRecord = z.infer<typeof keyRecordSchema>;

export const revocationRecordSchema = z.object({ passId: z.string(), revokedAt: z.number().nullable() });
export type RevocationRecord = z.infer<typeof revocationRecordSchema>;

export const itemRecordSchema = z.object({ sku: z.string(), name: z.string(), priceCents: z.number(), stock: z.number() });
export type ItemRecord = z.infer<typeof itemRecordSchema>;

/** This device's log: every entry it ever wrote, keyed by seq. */
export type LogRecord = Entry;
export const logRecordSchema = entrySchema;

/** A seq not yet acknowledged by the server. */
export const outboxRecordSchema = z.object({ seq: z.number().int().min(1) });
export type OutboxRecord = z.infer<typeof outboxRecordSchema>;

/** An entry pulled from another device, keyed [deviceId+seq]. */
export type RemoteRecord = Entry;

/**
 * What the door needs to know about one pass, derived from every admit and exit seen (local and
 * pulled), so ALREADY_IN and EXITED are one primary-key read. Kept by src/app/sync/reduce.ts.
 */
export const passStateSchema = z.object({
  passId: z.string(),
  admits: z.number().int().min(0),
  exits: z.number().int().min(0),
  firstAdmitAt: z.number().nullable(),
  lastAdmitAt: z.number().nullable(),
  /** the label of the door (or the device id) that admitted last */
  lastAdmitWhere: z.string().nullable(),
  lastAdmitDevice: z.string().nullable(),
  lastExitAt: z.number().nullable(),
  inside: flag,
});
export type PassState = z.infer<typeof passStateSchema>;

export const COUNTER_KEYS = ["admits", "exits"] as const;
export type CounterKey = (typeof COUNTER_KEYS)[number];
export const counterRecordSchema = z.object({ key: z.enum(COUNTER_KEYS), value: z.number().int() });
export type CounterRecord = z.infer<typeof counterRecordSchema>;

// ---- the meta table: one row per key, each with its own shape ----

export const identitySchema = z.object({
  deviceId: z.string(),
  token: z.string(),
  eventId: z.string(),
  role: z.enum(ROLES),
  label: z.string(),
  enrolledAt: z.number(),
});
export type StoredIdentity = z.infer<typeof identitySchema>;

export const eventInfoSchema = z.object({
  id: z.string(),
  name: z.string(),
  startsAt: z.number(),
  endsAt: z.number(),
  capacity: z.number().nullable(),
});
export type StoredEvent = z.infer<typeof eventInfoSchema>;

export const doorSettingsSchema = z.object({
  tiers: z.array(z.string()).nullable(),
  reentry: z.boolean(),
  mode: z.enum(["entry", "exit"]),
});

export const syncStateSchema = z.object({
  rosterCursor: z.string().nullable(),
  pullCursor: z.string().nullable(),
  lastSyncAt: z.number().nullable(),
  clockOffsetMs: z.number().nullable(),
  lastError: z.string().nullable(),
});
export type SyncState = z.infer<typeof syncStateSchema>;
export const EMPTY_SYNC_STATE: SyncState = { rosterCursor: null, pullCursor: null, lastSyncAt: null, clockOffsetMs: null, lastError: null };

/**
 * The next seq lives in a row of its own: only the scan transaction touches it, so a sync that
 * rewrites its own row can never put an old seq back.
 */
export const seqStateSchema = z.object({ next: z.number().int().min(1) });

export const META_SCHEMAS = {
  identity: identitySchema,
  event: eventInfoSchema,
  settings: doorSettingsSchema,
  sync: syncStateSchema,
  seq: seqStateSchema,
} as const;
export type MetaKey = keyof typeof META_SCHEMAS;
export type MetaValue<K extends MetaKey> = z.infer<(typeof META_SCHEMAS)[K]>;
export interface MetaRecord {
  key: MetaKey;
  value: unknown;
}

/** A meta value, validated. Throws on a malformed row: that is a bug or corruption, never a default. */
export function parseMeta<K extends MetaKey>(key: K, value: unknown): MetaValue<K> {
  const parsed = META_SCHEMAS[key].safeParse(value);
  if (!parsed.success) throw new Error(`stored ${key} is malformed: ${parsed.error.issues[0]?.message ?? "invalid"}`);
  return parsed.data as MetaValue<K>;
}
