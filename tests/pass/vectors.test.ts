import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  decodePassText,
  fromHex,
  keyLookupFrom,
  MAX_PASS_TEXT,
  toHex,
  tweetnaclVerifier,
  verifyPass,
  webCryptoVerifier,
  type Ed25519Verifier,
} from "../../src/pass/index.js";

export interface Vectors {
  prefix: string;
  context: { eventId: string; now: number; clockSkewMs: number };
  keys: { kid: string; publicKeyHex: string }[];
  valid: {
    description: string;
    text: string;
    bytesHex: string;
    signedHex: string;
    signatureHex: string;
    kid: string;
    expect: { eventId: string; passId: string; tier: string; validFrom?: number; validUntil?: number };
  }[];
  invalid: { description: string; text: string; reason: string }[];
}

const vectorsPath = new URL("../vectors/passes.json", import.meta.url);
const vectors: Vectors = JSON.parse(readFileSync(vectorsPath, "utf8"));
const keys = keyLookupFrom(vectors.keys.map((k) => ({ kid: k.kid, publicKey: fromHex(k.publicKeyHex)! })));
const verifiers: Ed25519Verifier[] = [tweetnaclVerifier, webCryptoVerifier(globalThis.crypto.subtle)];

/** Decode then verify, as a door does; returns "OK" or the first reason. */
async function judge(text: string, verifier: Ed25519Verifier): Promise<string> {
  const decoded = decodePassText(text);
  if (!decoded.ok) return decoded.reason;
  const { eventId, now, clockSkewMs } = vectors.context;
  const verified = await verifyPass(decoded.pass, { eventId, now, clockSkewMs, keys, verifier });
  return verified.ok ? "OK" : verified.reason;
}

describe("tests/vectors/passes.json", () => {
  it("is exactly what scripts/make-vectors.ts produces from the current codec", () => {
    const fresh = execFileSync("npx", ["tsx", "scripts/make-vectors.ts"], { encoding: "utf8" });
    expect(JSON.parse(fresh)).toEqual(vectors);
  });

  it("has at least 8 valid and 12 invalid vectors, every text within QR version 7-M", () => {
    expect(vectors.valid.length).toBeGreaterThanOrEqual(8);
    expect(vectors.invalid.length).toBeGreaterThanOrEqual(12);
    for (const v of vectors.valid) {
      expect(v.text.length).toBeLessThanOrEqual(MAX_PASS_TEXT);
      expect(v.text).toMatch(/^[0-9A-Z $%*+\-./:]+$/);
    }
  });

  describe.each(vectors.valid)("valid: $description", (v) => {
    it("decodes to the expected fields and bytes", () => {
      const decoded = decodePassText(v.text);
      expect(decoded.ok).toBe(true);
      if (!decoded.ok) return;
      const { signed, signature, version, kid, ...fields } = decoded.pass;
      expect(version).toBe(1);
      expect(kid).toBe(v.kid);
      expect(fields).toEqual(v.expect);
      expect(toHex(signed)).toBe(v.signedHex);
      expect(toHex(signature)).toBe(v.signatureHex);
      expect(v.bytesHex).toBe(v.signedHex + v.signatureHex);
    });

    it.each(verifiers.map((x) => [x.name, x] as const))("verifies with %s", async (_name, verifier) => {
      expect(await judge(v.text, verifier)).toBe("OK");
    });
  });

  describe.each(vectors.invalid)("invalid: $description", (v) => {
    it.each(verifiers.map((x) => [x.name, x] as const))(`is refused as ${v.reason} with %s`, async (_name, verifier) => {
      expect(await judge(v.text, verifier)).toBe(v.reason);
    });
  });
});
