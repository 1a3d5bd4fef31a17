/**
 * Builds tests/vectors/passes.json: valid and invalid passes for anyone writing another verifier.
 * Deterministic (fixed key seeds, Ed25519 signatures are deterministic), so the file can be
 * regenerated and diffed: `npx tsx scripts/make-vectors.ts > tests/vectors/passes.json`.
 * tests/pass/vectors.test.ts checks that the committed file matches this output.
 */
import nacl from "tweetnacl";
import { fromHex, toHex } from "../src/pass/bytes.js";
import { encodeSigned, type PassFields } from "../src/pass/layout.js";
import { generateSigningKey, signPass, type SigningKey } from "../src/pass/sign.js";
import { PASS_PREFIX, passToText } from "../src/pass/text.js";

const seed = (byte: number) => new Uint8Array(32).fill(byte);
const current = generateSigningKey(seed(1));
const previous = generateSigningKey(seed(2)); // rotated out of signing, still listed
const unlisted = generateSigningKey(seed(3));

const EVENT = "0a1b2c3d";
const OTHER_EVENT = "ffee0011";
const NOW = Date.UTC(2026, 5, 1, 18, 0, 0);
const HOUR = 3600_000;

type Fields = Omit<PassFields, "kid">;

function validVector(description: string, fields: Fields, key: SigningKey) {
  const { bytes, text } = signPass(fields, key);
  const signed = encodeSigned({ ...fields, kid: key.kid });
  const expect: Record<string, unknown> = { eventId: fields.eventId, passId: fields.passId, tier: fields.tier };
  if (fields.validFrom !== undefined) expect.validFrom = fields.validFrom;
  if (fields.validUntil !== undefined) expect.validUntil = fields.validUntil;
  return {
    description,
    text,
    bytesHex: toHex(bytes),
    signedHex: toHex(signed),
    signatureHex: toHex(bytes.subarray(signed.length)),
    kid: key.kid,
    expect,
  };
}

/** Signs arbitrary bytes as if they were a pass: how a malformed-but-signed layout is made. */
function signRaw(signed: Uint8Array, key: SigningKey): Uint8Array {
  const sig = nacl.sign.detached(signed, key.secretKey);
  const out = new Uint8Array(signed.length + 64);
  out.set(signed);
  out.set(sig, signed.length);
  return out;
}

const base: Fields = { eventId: EVENT, passId: "00000000a001", tier: "GA" };
const valid = [
  validVector("general admission, no window", base, current),
  validVector("VIP with a validity window", { ...base, passId: "00000000a002", tier: "VIP", validFrom: NOW - 2 * HOUR, validUntil: NOW + 6 * HOUR }, current),
  validVector("only a start time", { ...base, passId: "00000000a003", tier: "CREW", validFrom: NOW - HOUR }, current),
  validVector("only an end time", { ...base, passId: "00000000a004", tier: "DAY1", validUntil: NOW + HOUR }, current),
  validVector("signed by the previous key, still listed", { ...base, passId: "00000000a005" }, previous),
  validVector("UTF-8 tier", { ...base, passId: "00000000a006", tier: "Élève" }, current),
  validVector("longest layout: 12-byte tier and both times (153 characters)", { ...base, passId: "ffffffffffff", tier: "EARLYBIRD+12", validFrom: NOW - HOUR, validUntil: NOW + 2 * HOUR }, current),
  validVector("all-zero pass id", { ...base, passId: "000000000000", tier: "X" }, current),
  validVector("starts within the clock skew allowance", { ...base, passId: "00000000a009", validFrom: NOW + 2 * 60_000 }, current),
];

const good = signPass({ ...base, passId: "00000000b001" }, current);
const flip = (bytes: Uint8Array, index: number, bit = 1) => {
  const out = bytes.slice();
  out[index]! ^= bit;
  return out;
};
const withVersion = encodeSigned({ ...base, kid: current.kid, passId: "00000000b002" });
withVersion[0] = 2;
const zeroTier = encodeSigned({ ...base, kid: current.kid, passId: "00000000b003" });
zeroTier[15] = (zeroTier[15]! & 0xe0) | 0;
const reserved = encodeSigned({ ...base, kid: current.kid, passId: "00000000b004" });
reserved[15]! |= 0x80;
const inverted = encodeSigned({ ...base, kid: current.kid, passId: "00000000b005", validFrom: NOW, validUntil: NOW + HOUR });
// tier "GA" puts validFrom at bytes 18-21 and validUntil at 22-25: make them equal
inverted.set(inverted.slice(18, 22), 22);
const badUtf8 = encodeSigned({ ...base, kid: current.kid, passId: "00000000b006", tier: "AB" });
badUtf8[16] = 0xff;
// S + L: the same signature made malleable; strict verifiers (RFC 8032) must refuse it.
const malleable = good.bytes.slice();
{
  const L = fromHex("edd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010")!;
  let carry = 0;
  const sOffset = malleable.length - 32;
  for (let i = 0; i < 32; i++) {
    const sum = malleable[sOffset + i]! + L[i]! + carry;
    malleable[sOffset + i] = sum & 0xff;
    carry = sum >> 8;
  }
}

const invalid = [
  { description: "empty", text: "", reason: "EMPTY" },
  { description: "only whitespace", text: "  \n", reason: "EMPTY" },
  { description: "wrong prefix", text: "XX:" + good.text.slice(3), reason: "BAD_PREFIX" },
  { description: "lower case", text: good.text.toLowerCase(), reason: "BAD_PREFIX" },
  { description: "a URL, not a pass", text: "HTTPS://EXAMPLE.COM/TICKET/123", reason: "BAD_PREFIX" },
  { description: "lower-case letter in the body", text: good.text.slice(0, 10) + "a" + good.text.slice(11), reason: "BAD_BASE45" },
  { description: "character outside base45", text: good.text.slice(0, 10) + "#" + good.text.slice(11), reason: "BAD_BASE45" },
  { description: "dangling base45 character", text: good.text + "0", reason: "BAD_BASE45" },
  { description: "base45 group over 65535", text: PASS_PREFIX + ":::", reason: "BAD_BASE45" },
  { description: "truncated: last group cut off", text: good.text.slice(0, -3), reason: "TRUNCATED" },
  { description: "truncated: header only", text: passToText(good.bytes.subarray(0, 10)), reason: "TRUNCATED" },
  { description: "unknown layout version", text: passToText(signRaw(withVersion, current)), reason: "UNKNOWN_VERSION" },
  { description: "trailing bytes after the signature", text: passToText(new Uint8Array([...good.bytes, 0])), reason: "TRAILING_BYTES" },
  { description: "tier length zero", text: passToText(signRaw(zeroTier.subarray(0, 16), current)), reason: "BAD_FIELD" },
  { description: "reserved flag bit set", text: passToText(signRaw(reserved, current)), reason: "BAD_FIELD" },
  { description: "window ends before it starts", text: passToText(signRaw(inverted, current)), reason: "BAD_FIELD" },
  { description: "tier is not UTF-8", text: passToText(signRaw(badUtf8, current)), reason: "BAD_FIELD" },
  { description: "far too long", text: PASS_PREFIX + "0".repeat(600), reason: "TOO_LONG" },
  { description: "pass of another event", text: signPass({ ...base, eventId: OTHER_EVENT }, current).text, reason: "WRONG_EVENT" },
  { description: "unknown key id", text: signPass({ ...base, passId: "00000000b007" }, unlisted).text, reason: "UNKNOWN_KEY" },
  { description: "flipped signature bit", text: passToText(flip(good.bytes, good.bytes.length - 10)), reason: "BAD_SIGNATURE" },
  { description: "flipped payload bit (pass id)", text: passToText(flip(good.bytes, 12)), reason: "BAD_SIGNATURE" },
  { description: "flipped payload bit (tier)", text: passToText(flip(good.bytes, 16, 0x02)), reason: "BAD_SIGNATURE" },
  { description: "non-canonical signature (S + L)", text: passToText(malleable), reason: "BAD_SIGNATURE" },
  { description: "expired", text: signPass({ ...base, passId: "00000000b008", validUntil: NOW - HOUR }, current).text, reason: "EXPIRED" },
  { description: "not yet valid", text: signPass({ ...base, passId: "00000000b009", validFrom: NOW + HOUR }, current).text, reason: "NOT_YET_VALID" },
];

const vectors = {
  description:
    "Doorlist pass vectors. Decode `text`, then verify against `context`: the pass must name context.eventId, its kid must be one of `keys`, its Ed25519 signature (strict: S < L) must verify over signedHex, and context.now must fall inside [validFrom - clockSkewMs, validUntil + clockSkewMs). See docs/pass-format.md.",
  prefix: PASS_PREFIX,
  base45Alphabet: "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:",
  context: { eventId: EVENT, now: NOW, clockSkewMs: 5 * 60_000 },
  keys: [current, previous].map((k) => ({ kid: k.kid, publicKeyHex: toHex(k.publicKey) })),
  valid,
  invalid,
};

process.stdout.write(JSON.stringify(vectors, null, 2) + "\n");
