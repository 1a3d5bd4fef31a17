/**
 * The vectors checked by code that shares nothing with src/pass: Node's OpenSSL Ed25519 and a
 * base45 decoder written here from RFC 9285's text, with its own layout reader. If another
 * team's verifier disagrees with ours, one of these two readings of the spec is wrong.
 */
import { createPublicKey, verify } from "node:crypto";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Vectors } from "./vectors.test.js";

const vectors: Vectors = JSON.parse(readFileSync(new URL("../vectors/passes.json", import.meta.url), "utf8"));

function rfc9285Decode(s: string): Buffer {
  const alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";
  const out: number[] = [];
  for (let i = 0; i < s.length; i += 3) {
    const chunk = [...s.slice(i, i + 3)].map((ch) => alphabet.indexOf(ch));
    if (chunk.includes(-1)) throw new Error("bad character");
    const n = chunk.reduce((acc, d, k) => acc + d * 45 ** k, 0);
    if (chunk.length === 3) out.push(Math.floor(n / 256), n % 256);
    else out.push(n);
  }
  return Buffer.from(out);
}

function opensslVerify(publicKeyHex: string, message: Buffer, signature: Buffer): boolean {
  // SPKI DER for an Ed25519 key: a fixed 12-byte header, then the 32 raw bytes.
  const der = Buffer.concat([Buffer.from("302a300506032b6570032100", "hex"), Buffer.from(publicKeyHex, "hex")]);
  return verify(null, message, createPublicKey({ key: der, format: "der", type: "spki" }), signature);
}

describe("vectors against an independent base45 and Ed25519 (OpenSSL)", () => {
  it.each(vectors.valid.map((v) => [v.description, v] as const))("%s", (_d, v) => {
    expect(v.text.startsWith(vectors.prefix)).toBe(true);
    const bytes = rfc9285Decode(v.text.slice(vectors.prefix.length));
    expect(bytes.toString("hex")).toBe(v.bytesHex);
    const signed = bytes.subarray(0, bytes.length - 64);
    const key = vectors.keys.find((k) => k.kid === bytes.subarray(1, 5).toString("hex"));
    expect(key).toBeDefined();
    expect(opensslVerify(key!.publicKeyHex, signed, bytes.subarray(bytes.length - 64))).toBe(true);
    // Fields read with a reader of our own: offsets from docs/pass-format.md.
    expect(signed.subarray(5, 9).toString("hex")).toBe(v.expect.eventId);
    expect(signed.subarray(9, 15).toString("hex")).toBe(v.expect.passId);
    const tierLen = signed[15]! & 0x1f;
    expect(signed.subarray(16, 16 + tierLen).toString("utf8")).toBe(v.expect.tier);
  });

  it("OpenSSL also refuses the signature-level invalid vectors", () => {
    const forged = vectors.invalid.filter((v) => v.reason === "BAD_SIGNATURE");
    expect(forged.length).toBeGreaterThanOrEqual(3);
    for (const v of forged) {
      const bytes = rfc9285Decode(v.text.slice(vectors.prefix.length));
      const key = vectors.keys.find((k) => k.kid === bytes.subarray(1, 5).toString("hex"))!;
      expect(opensslVerify(key.publicKeyHex, bytes.subarray(0, bytes.length - 64), bytes.subarray(bytes.length - 64))).toBe(false);
    }
  });
});
