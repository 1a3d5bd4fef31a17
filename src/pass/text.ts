import { base45Decode, base45Encode } from "./base45.js";
import { decodeLayout, MAX_PASS_BYTES, type DecodedPass } from "./layout.js";
import type { DecodeReason } from "./reasons.js";

/** "DL" for Doorlist; the colon keeps it apart from the base45 body, and all three are QR alphanumeric. */
export const PASS_PREFIX = "DL:";
/** QR version 7 holds 154 alphanumeric characters at error correction M. */
export const MAX_PASS_TEXT = 154;
const MAX_BODY = Math.ceil(MAX_PASS_BYTES / 2) * 3;

export type DecodeResult =
  | { ok: true; pass: DecodedPass }
  | { ok: false; reason: DecodeReason; detail: string };

export function passToText(bytes: Uint8Array): string {
  return PASS_PREFIX + base45Encode(bytes);
}

/**
 * Text from a camera, a keyboard or a paste → a typed result. Never throws, whatever it is
 * given. Surrounding whitespace is dropped (hand scanners add CR/LF; no valid pass text ends
 * in base45's space, because the last character of a base45 group is never 36).
 */
export function decodePassText(input: unknown): DecodeResult {
  if (typeof input !== "string") return { ok: false, reason: "EMPTY", detail: "no text" };
  const text = input.trim();
  if (text.length === 0) return { ok: false, reason: "EMPTY", detail: "no text" };
  if (text.length > MAX_PASS_TEXT * 4) return { ok: false, reason: "TOO_LONG", detail: `${text.length} characters` };
  if (!text.startsWith(PASS_PREFIX)) return { ok: false, reason: "BAD_PREFIX", detail: `does not start with ${PASS_PREFIX}` };
  const body = text.slice(PASS_PREFIX.length);
  if (body.length > MAX_BODY + 3) return { ok: false, reason: "TOO_LONG", detail: `${text.length} characters` };
  const bytes = base45Decode(body);
  if (bytes === null) return { ok: false, reason: "BAD_BASE45", detail: "not valid base45" };
  return decodeLayout(bytes);
}
