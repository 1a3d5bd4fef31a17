/**
 * The closed set of reasons a pass text is refused. Words for people live at the
 * UI boundary (src/app); these codes are what tests, vectors and logs speak.
 */
export const DECODE_REASONS = [
  "EMPTY", // nothing scanned or typed
  "TOO_LONG", // longer than any pass can be: not worth decoding
  "BAD_PREFIX", // not a Doorlist pass (another QR, a URL, lower case)
  "BAD_BASE45", // a character outside base45, or a group that does not decode
  "TRUNCATED", // the bytes end before the layout does
  "UNKNOWN_VERSION", // a layout this build does not know
  "TRAILING_BYTES", // bytes left over after the signature
  "BAD_FIELD", // a field out of range: tier length, reserved bits, inverted window, bad UTF-8
] as const;
export type DecodeReason = (typeof DECODE_REASONS)[number];

export const VERIFY_REASONS = [
  "WRONG_EVENT", // read before the signature: it can only deny
  "UNKNOWN_KEY", // key id not in the cached key list: sync, then try again
  "BAD_SIGNATURE", // forged or altered
  "NOT_YET_VALID",
  "EXPIRED",
] as const;
export type VerifyReason = (typeof VERIFY_REASONS)[number];

export type PassReason = DecodeReason | VerifyReason;
