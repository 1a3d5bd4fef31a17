/**
 * The pickup desk: a pass found by scan, typed code or name → what it entitles its holder to and
 * what is left of it across every device this one has heard from → the pickup recorded. A
 * pickup beyond the entitlement is recorded too, with a warning naming the earlier pickups:
 * the volunteer decides, the host reconciles.
 */
import { bestVerifier, decodePassText, verifyPass, type Ed25519Verifier } from "../../pass/index.js";
import type { DoorlistDB } from "../db/database.js";
import { parseMeta, passRecordSchema } from "../db/records.js";
import { ledgerRecordSchema } from "./records.js";
import type { PickupFind, PickupLookup, PickupOutcome, PickupRefusal, PickupSeen, RepeatedPickup } from "./types.js";
import { labelFor, NotEnrolledError, writeEntry } from "./write.js";

/** Reads only; call inside a transaction that includes passBlocks, revocations, ledger and meta, or outside any. */
export async function lookupPickup(db: DoorlistDB, passId: string): Promise<PickupLookup> {
  const [raw, rev, rows, idRow] = await Promise.all([
    db.getPass(passId),
    db.revocations.get(passId),
    db.ledger.where("passId").equals(passId).toArray(),
    db.meta.get("identity"),
  ]);
  const ownId = idRow ? parseMeta("identity", idRow.value).deviceId : "";
  const pass = raw ? passRecordSchema.parse(raw) : undefined;
  const previous: PickupSeen[] = rows
    .map((r) => ledgerRecordSchema.parse(r))
    .filter((r) => r.type === "pickup")
    .sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1))
    .map((r) => ({ entryId: r.id, at: r.at, deviceId: r.deviceId, where: r.where, here: r.deviceId === ownId, items: r.items, voided: r.voided === 1 }));
  const taken = new Map<string, number>();
  for (const p of previous) if (!p.voided) for (const [name, n] of Object.entries(p.items)) taken.set(name, (taken.get(name) ?? 0) + n);
  const names = [...new Set([...Object.keys(pass?.entitlements ?? {}), ...taken.keys()])].sort();
  return {
    passId,
    holder: pass?.holder ?? null,
    tier: pass?.tier ?? null,
    revoked: pass?.revoked === 1 || rev !== undefined,
    entitlements: names.map((name) => {
      const entitled = pass?.entitlements?.[name] ?? 0;
      const t = taken.get(name) ?? 0;
      return { name, entitled, taken: t, left: entitled - t };
    }),
    previous,
  };
}

const refusal = (reason: PickupRefusal, detail: string): PickupFind => ({ ok: false, reason, detail });

/**
 * A scanned or typed pass code → its pickup lookup. The signature is checked like at the door, so a
 * forged code cannot collect a kit; the validity window is not: a kit can be collected after hours.
 */
export async function findPickup(db: DoorlistDB, text: string, verifier: () => Promise<Ed25519Verifier> = bestVerifier): Promise<PickupFind> {
  const decoded = decodePassText(text);
  if (!decoded.ok) return refusal("NOT_A_PASS", decoded.detail);
  const pass = decoded.pass;
  const idRow = await db.meta.get("identity");
  if (!idRow) throw new NotEnrolledError();
  const identity = parseMeta("identity", idRow.value);
  const key = await db.keys.get(pass.kid);
  const checked = await verifyPass(pass, {
    eventId: identity.eventId,
    keys: (kid) => (kid === pass.kid ? key?.publicKey : undefined),
    now: pass.validFrom ?? pass.validUntil ?? 0,
    // Only the event, key and signature matter here: any time inside the window will do.
    clockSkewMs: Number.MAX_SAFE_INTEGER,
    verifier: await verifier(),
  });
  if (!checked.ok) {
    if (checked.reason === "WRONG_EVENT" || checked.reason === "UNKNOWN_KEY") return refusal(checked.reason, checked.detail);
    if (checked.reason === "BAD_SIGNATURE") return refusal("FORGED", checked.detail);
  }
  return { ok: true, lookup: await lookupPickup(db, pass.passId) };
}

export function cleanItems(items: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [name, n] of Object.entries(items)) {
    if (n === 0) continue;
    if (!Number.isInteger(n) || n < 0 || n > 1000) throw new Error(`The count for ${name} must be a whole number.`);
    if (name.length === 0 || name.length > 64) throw new Error("An entitlement name must be 1 to 64 characters.");
    out[name] = n;
  }
  if (Object.keys(out).length === 0) throw new Error("Choose at least one thing to hand over.");
  return out;
}

export async function recordPickup(db: DoorlistDB, now: () => number, args: { passId: string; items: Record<string, number> }): Promise<PickupOutcome> {
  const items = cleanItems(args.items);
  let before: PickupLookup | undefined;
  return writeEntry(
    db,
    now,
    async (ctx) => {
      before = await lookupPickup(db, args.passId);
      return { id: ctx.id, deviceId: ctx.identity.deviceId, seq: ctx.seq, at: ctx.at, type: "pickup", passId: args.passId, data: { items, label: labelFor(ctx.identity) } };
    },
    async (entry) => {
      const prior = before!;
      const repeated: RepeatedPickup[] = [];
      for (const [name, n] of Object.entries(items)) {
        const e = prior.entitlements.find((x) => x.name === name);
        const entitled = e?.entitled ?? 0;
        const takenBefore = e?.taken ?? 0;
        if (takenBefore + n > entitled) repeated.push({ name, entitled, takenBefore, now: n });
      }
      return { entryId: entry.id, repeated, previous: prior.previous.filter((p) => !p.voided), lookup: await lookupPickup(db, args.passId) };
    },
  );
}
