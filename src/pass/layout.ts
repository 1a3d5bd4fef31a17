/**
 * The binary layout of a pass, version 1. docs/pass-format.md is the reference; this file
 * is the one implementation of it. Every field is fixed-size except the tier, so the
 * longest pass is 100 bytes: 150 base45 characters, plus the 3-character prefix, under
 * the 154 that QR version 7 holds at error correction M.
 *
 *   0   u8       version (1)
 *   1   4 bytes  key id
 *   5   4 bytes  event id
 *   9   6 bytes  pass id
 *   15  u8       bits 0-4 tier length (1..12), bit 5 validFrom present, bit 6 validUntil present, bit 7 zero
 *   16  n bytes  tier, UTF-8
 *   ..  u32 BE   validFrom, seconds since the epoch (if flagged)
 *   ..  u32 BE   validUntil, seconds since the epoch (if flagged)
 *   ..  64 bytes Ed25519 signature over every byte before it
 */
import { fromHex, fromUtf8, toHex, utf8 } from "./bytes.js";
import type { DecodeReason } from "./reasons.js";

export const PASS_VERSION = 1;
export const KID_BYTES = 4;
export const EVENT_ID_BYTES = 4;
export const PASS_ID_BYTES = 6;
export const MAX_TIER_BYTES = 12;
export const SIGNATURE_BYTES = 64;
const HEADER_BYTES = 1 + KID_BYTES + EVENT_ID_BYTES + PASS_ID_BYTES + 1;
export const MAX_PASS_BYTES = HEADER_BYTES + MAX_TIER_BYTES + 8 + SIGNATURE_BYTES;

const FLAG_FROM = 0x20;
const FLAG_UNTIL = 0x40;
const FLAG_RESERVED = 0x80;
const TIER_LEN_MASK = 0x1f;

/** What a pass says, in the forms the rest of the code uses: ids as lower-case hex, times in ms. */
export interface PassFields {
  kid: string;
  eventId: string;
  passId: string;
  tier: string;
  /** ms since the epoch, a whole second */
  validFrom?: number;
  /** ms since the epoch, a whole second */
  validUntil?: number;
}

export interface DecodedPass extends PassFields {
  version: number;
  /** every byte the signature covers */
  signed: Uint8Array;
  signature: Uint8Array;
}

export type LayoutResult =
  | { ok: true; pass: DecodedPass }
  | { ok: false; reason: DecodeReason; detail: string };

export const ID_PATTERNS = {
  kid: new RegExp(`^[0-9a-f]{${KID_BYTES * 2}}$`),
  eventId: new RegExp(`^[0-9a-f]{${EVENT_ID_BYTES * 2}}$`),
  passId: new RegExp(`^[0-9a-f]{${PASS_ID_BYTES * 2}}$`),
};

/** Checks fields an issuer is about to sign; returns a sentence per problem, empty when fine. */
export function checkPassFields(f: PassFields): string[] {
  const problems: string[] = [];
  if (!ID_PATTERNS.kid.test(f.kid)) problems.push(`kid must be ${KID_BYTES * 2} lower-case hex digits`);
  if (!ID_PATTERNS.eventId.test(f.eventId)) problems.push(`eventId must be ${EVENT_ID_BYTES * 2} lower-case hex digits`);
  if (!ID_PATTERNS.passId.test(f.passId)) problems.push(`passId must be ${PASS_ID_BYTES * 2} lower-case hex digits`);
  const tierBytes = utf8(f.tier).length;
  if (tierBytes < 1 || tierBytes > MAX_TIER_BYTES) problems.push(`tier must be 1 to ${MAX_TIER_BYTES} bytes of UTF-8 (got ${tierBytes})`);
  for (const key of ["validFrom", "validUntil"] as const) {
    const v = f[key];
    if (v === undefined) continue;
    if (!Number.isInteger(v) || v % 1000 !== 0 || v < 0 || v / 1000 > 0xffffffff) {
      problems.push(`${key} must be a whole second between 1970 and 2106, in ms`);
    }
  }
  if (f.validFrom !== undefined && f.validUntil !== undefined && f.validUntil <= f.validFrom) {
    problems.push("validUntil must be after validFrom");
  }
  return problems;
}

/** The bytes the signature covers. Throws on invalid fields: issuing a bad pass is a bug, not input. */
export function encodeSigned(f: PassFields): Uint8Array {
  const problems = checkPassFields(f);
  if (problems.length > 0) throw new Error(`cannot encode pass: ${problems.join("; ")}`);
  const tier = utf8(f.tier);
  const out = new Uint8Array(HEADER_BYTES + tier.length + (f.validFrom !== undefined ? 4 : 0) + (f.validUntil !== undefined ? 4 : 0));
  const view = new DataView(out.buffer);
  out[0] = PASS_VERSION;
  out.set(fromHex(f.kid)!, 1);
  out.set(fromHex(f.eventId)!, 1 + KID_BYTES);
  out.set(fromHex(f.passId)!, 1 + KID_BYTES + EVENT_ID_BYTES);
  out[HEADER_BYTES - 1] = tier.length | (f.validFrom !== undefined ? FLAG_FROM : 0) | (f.validUntil !== undefined ? FLAG_UNTIL : 0);
  out.set(tier, HEADER_BYTES);
  let o = HEADER_BYTES + tier.length;
  if (f.validFrom !== undefined) {
    view.setUint32(o, f.validFrom / 1000);
    o += 4;
  }
  if (f.validUntil !== undefined) view.setUint32(o, f.validUntil / 1000);
  return out;
}

/** Splits pass bytes into fields, signed part and signature. Never throws. */
export function decodeLayout(bytes: Uint8Array): LayoutResult {
  const fail = (reason: DecodeReason, detail: string): LayoutResult => ({ ok: false, reason, detail });
  if (bytes.length < 1) return fail("TRUNCATED", "no bytes");
  if (bytes[0] !== PASS_VERSION) return fail("UNKNOWN_VERSION", `layout version ${bytes[0]} is not supported`);
  if (bytes.length < HEADER_BYTES) return fail("TRUNCATED", `header needs ${HEADER_BYTES} bytes, got ${bytes.length}`);
  const flags = bytes[HEADER_BYTES - 1]!;
  if (flags & FLAG_RESERVED) return fail("BAD_FIELD", "reserved flag bit is set");
  const tierLen = flags & TIER_LEN_MASK;
  if (tierLen < 1 || tierLen > MAX_TIER_BYTES) return fail("BAD_FIELD", `tier length ${tierLen} is outside 1..${MAX_TIER_BYTES}`);
  const hasFrom = (flags & FLAG_FROM) !== 0;
  const hasUntil = (flags & FLAG_UNTIL) !== 0;
  const signedLen = HEADER_BYTES + tierLen + (hasFrom ? 4 : 0) + (hasUntil ? 4 : 0);
  const total = signedLen + SIGNATURE_BYTES;
  if (bytes.length < total) return fail("TRUNCATED", `pass needs ${total} bytes, got ${bytes.length}`);
  if (bytes.length > total) return fail("TRAILING_BYTES", `${bytes.length - total} bytes after the signature`);
  const tier = fromUtf8(bytes.subarray(HEADER_BYTES, HEADER_BYTES + tierLen));
  if (tier === null) return fail("BAD_FIELD", "tier is not valid UTF-8");
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let o = HEADER_BYTES + tierLen;
  let validFrom: number | undefined;
  let validUntil: number | undefined;
  if (hasFrom) {
    validFrom = view.getUint32(o) * 1000;
    o += 4;
  }
  if (hasUntil) validUntil = view.getUint32(o) * 1000;
  if (validFrom !== undefined && validUntil !== undefined && validUntil <= validFrom) {
    return fail("BAD_FIELD", "validity window ends before it starts");
  }
  const pass: DecodedPass = {
    version: PASS_VERSION,
    kid: toHex(bytes.subarray(1, 1 + KID_BYTES)),
    eventId: toHex(bytes.subarray(1 + KID_BYTES, 1 + KID_BYTES + EVENT_ID_BYTES)),
    passId: toHex(bytes.subarray(1 + KID_BYTES + EVENT_ID_BYTES, HEADER_BYTES - 1)),
    tier,
    signed: bytes.slice(0, signedLen),
    signature: bytes.slice(signedLen, total),
  };
  if (validFrom !== undefined) pass.validFrom = validFrom;
  if (validUntil !== undefined) pass.validUntil = validUntil;
  return { ok: true, pass };
}
