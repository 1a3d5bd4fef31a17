/** Shared fixtures for the door app's tests: a signing key, passes, an enrolled database. */
import { type PassFields } from "../../src/pass/index.js";
import { generateSigningKey, signPass } from "../../src/pass/sign.js";
import { appendPasses, DoorlistDB } from "../../src/app/db/database.js";
import type { PassRecord, StoredIdentity } from "../../src/app/db/records.js";

export const EVENT_ID = "0a1b2c3d";
export const OTHER_EVENT = "99999999";
export const NOW = Date.UTC(2026, 5, 1, 18, 0, 0);
export const KEY = generateSigningKey(new Uint8Array(32).fill(7));
export const STRANGER_KEY = generateSigningKey(new Uint8Array(32).fill(9));

export function passText(fields: Partial<Omit<PassFields, "kid">> & { passId: string }, key = KEY): string {
  return signPass({ eventId: EVENT_ID, tier: "GA", ...fields }, key).text;
}

export function passId(n: number): string {
  return n.toString(16).padStart(12, "0");
}

export function rosterPass(id: string, holder: string, tier = "GA", extra: Partial<PassRecord> = {}): PassRecord {
  return { id, holder, tier, entitlements: {}, validFrom: null, validUntil: null, revoked: 0, ...extra };
}

export const IDENTITY: StoredIdentity = {
  deviceId: "dev-a",
  token: "tok-a",
  eventId: EVENT_ID,
  role: "door",
  label: "North door",
  enrolledAt: NOW - 3_600_000,
};

let counter = 0;
export function freshName(prefix = "t"): string {
  counter += 1;
  return `${prefix}-${process.pid}-${counter}-${Math.random().toString(36).slice(2)}`;
}

/** A database enrolled in EVENT_ID, with KEY cached and an optional roster. */
export async function enrolledDb(opts: { passes?: PassRecord[]; capacity?: number | null; identity?: Partial<StoredIdentity> } = {}): Promise<DoorlistDB> {
  const db = new DoorlistDB(freshName("db"));
  await db.open();
  await db.putMeta("identity", { ...IDENTITY, ...opts.identity });
  await db.putMeta("event", { id: EVENT_ID, name: "Test night", startsAt: NOW - 7_200_000, endsAt: NOW + 7_200_000, capacity: opts.capacity ?? null });
  await db.keys.put({ kid: KEY.kid, publicKey: KEY.publicKey, retired: 0 });
  // The roster sync writes a page's passes and its name block together; so does this seed.
  if (opts.passes) await db.transaction("rw", db.passBlocks, db.names, (tx) => appendPasses(tx, opts.passes!));
  return db;
}

/** A settable clock. */
export function clock(start = NOW): { now: () => number; advance: (ms: number) => void; set: (t: number) => void } {
  let t = start;
  return { now: () => t, advance: (ms) => void (t += ms), set: (v) => void (t = v) };
}
