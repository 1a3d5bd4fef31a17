/**
 * The pass module, verifier side: decoding, verification, key lookup. Isomorphic, imports nothing
 * from app or server. Issuing (keys, key ids, signing) is ./sign.js, for the server and tools.
 */
export { base45Decode, base45Encode } from "./base45.js";
export { equalBytes, fromHex, toHex } from "./bytes.js";
export { bestVerifier, tweetnaclVerifier, webCryptoVerifier, type Ed25519Verifier } from "./ed25519.js";
export { keyLookupFrom, type KeyLookup, type PublicKeyEntry } from "./keys.js";
export {
  checkPassFields,
  decodeLayout,
  encodeSigned,
  ID_PATTERNS,
  MAX_PASS_BYTES,
  MAX_TIER_BYTES,
  PASS_VERSION,
  type DecodedPass,
  type PassFields,
} from "./layout.js";
export { DECODE_REASONS, VERIFY_REASONS, type DecodeReason, type PassReason, type VerifyReason } from "./reasons.js";
export { decodePassText, MAX_PASS_TEXT, PASS_PREFIX, passToText, type DecodeResult } from "./text.js";
export { checkWindow, DEFAULT_CLOCK_SKEW_MS, verifyPass, type VerifyContext, type VerifyResult } from "./verify.js";
