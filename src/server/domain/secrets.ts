import { createHash, randomBytes } from "node:crypto";

/** 256 random bits, base64url: far above the 128 bits a bearer token needs. */
export function newToken(): string {
  return randomBytes(32).toString("base64url");
}

/**
 * Tokens and enrollment codes are stored only as SHA-256. They are random, not chosen by people,
 * so a fast unsalted hash is enough: nothing to brute-force from a leaked table.
 */
export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

export function randomHex(bytes: number): string {
  return randomBytes(bytes).toString("hex");
}

// Crockford base32 without I, L, O, U: easy to read aloud and to type on a phone.
const CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** An enrollment code: 12 characters (60 bits), shown as XXXX-XXXX-XXXX. */
export function newEnrollmentCode(): string {
  const bytes = randomBytes(12);
  let out = "";
  for (let i = 0; i < 12; i++) {
    if (i > 0 && i % 4 === 0) out += "-";
    out += CODE_ALPHABET[bytes[i]! & 31];
  }
  return out;
}

/** Typed codes arrive in any case, with or without dashes and spaces. */
export function normalizeEnrollmentCode(code: string): string {
  const bare = code.toUpperCase().replace(/[\s-]/g, "").replace(/[IL]/g, "1").replace(/O/g, "0");
  return bare.replace(/(.{4})(?=.)/g, "$1-");
}
