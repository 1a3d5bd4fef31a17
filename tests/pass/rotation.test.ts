import { describe, expect, it } from "vitest";
import { decodePassText, keyLookupFrom, verifyPass, checkWindow, DEFAULT_CLOCK_SKEW_MS } from "../../src/pass/index.js";
import { generateSigningKey, keyIdOf, signPass } from "../../src/pass/sign.js";

const EVENT = "12345678";
const oldKey = generateSigningKey(new Uint8Array(32).fill(11));
const newKey = generateSigningKey(new Uint8Array(32).fill(12));

async function verdict(text: string, listed: (typeof oldKey)[]) {
  const decoded = decodePassText(text);
  if (!decoded.ok) return decoded.reason;
  const r = await verifyPass(decoded.pass, { eventId: EVENT, keys: keyLookupFrom(listed), now: Date.now() });
  return r.ok ? "OK" : r.reason;
}

describe("key rotation", () => {
  it("derives the key id from the public key", () => {
    expect(oldKey.kid).toBe(keyIdOf(oldKey.publicKey));
    expect(oldKey.kid).not.toBe(newKey.kid);
  });

  it("keeps a pass signed by an older key valid while that key is listed, and refuses it once retired", async () => {
    const before = signPass({ eventId: EVENT, passId: "aaaaaaaaaaaa", tier: "GA" }, oldKey).text;
    const after = signPass({ eventId: EVENT, passId: "bbbbbbbbbbbb", tier: "GA" }, newKey).text;
    expect(await verdict(before, [oldKey, newKey])).toBe("OK");
    expect(await verdict(after, [oldKey, newKey])).toBe("OK");
    expect(await verdict(before, [newKey])).toBe("UNKNOWN_KEY");
    expect(await verdict(after, [newKey])).toBe("OK");
  });

  it("cannot be fooled by a pass that claims a listed kid but is signed by another key", async () => {
    const forged = signPass({ eventId: EVENT, passId: "cccccccccccc", tier: "VIP" }, newKey);
    const bytes = forged.bytes.slice();
    bytes.set(Uint8Array.from(oldKey.kid.match(/../g)!.map((h) => parseInt(h, 16))), 1);
    const { passToText } = await import("../../src/pass/index.js");
    expect(await verdict(passToText(bytes), [oldKey, newKey])).toBe("BAD_SIGNATURE");
  });
});

describe("validity window with clock skew", () => {
  const from = Date.UTC(2026, 0, 1, 18);
  const until = from + 3600_000;
  it.each([
    [from - DEFAULT_CLOCK_SKEW_MS - 1, "NOT_YET_VALID"],
    [from - DEFAULT_CLOCK_SKEW_MS, "OK"],
    [until + DEFAULT_CLOCK_SKEW_MS - 1, "OK"],
    [until + DEFAULT_CLOCK_SKEW_MS, "EXPIRED"],
  ])("at %i → %s", (now, expected) => {
    const r = checkWindow({ validFrom: from, validUntil: until }, now);
    expect(r.ok ? "OK" : r.reason).toBe(expected);
  });
});

describe("issuing", () => {
  it("refuses fields that would make an unreadable pass", () => {
    expect(() => signPass({ eventId: EVENT, passId: "dddddddddddd", tier: "THIRTEEN-BYTE" }, newKey)).toThrow(/tier must be 1 to 12 bytes/);
    expect(() => signPass({ eventId: "XYZ", passId: "dddddddddddd", tier: "GA" }, newKey)).toThrow(/eventId/);
    expect(() => signPass({ eventId: EVENT, passId: "dddddddddddd", tier: "GA", validFrom: 1500 }, newKey)).toThrow(/whole second/);
  });
});
