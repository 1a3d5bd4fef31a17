/**
 * The issuer's side of the pass module: key generation, key ids and signing. Kept out of
 * ./index.js (the verifier's side, which devices load) so that tweetnacl, which only issuers
 * need, never reaches a phone's first download. Import it as "src/pass/sign.js".
 */
import nacl from "tweetnacl";
import { toHex } from "./bytes.js";
import { encodeSigned, KID_BYTES, type PassFields } from "./layout.js";
import { passToText } from "./text.js";

/**
 * A key id is the first 4 bytes of SHA-512(public key). Derived rather than assigned so that
 * any verifier can check a cached key list on its own, and SHA-512 because tweetnacl ships it
 * synchronously in every runtime. An issuer must refuse a new key whose id collides with a
 * key already listed for the event (1 in 4 billion per pair).
 */
export function keyIdOf(publicKey: Uint8Array): string {
  return toHex(nacl.hash(publicKey).subarray(0, KID_BYTES));
}

export interface SigningKey {
  kid: string;
  publicKey: Uint8Array;
  /** tweetnacl's 64-byte secret key (seed ‖ public key). Never leaves the server. */
  secretKey: Uint8Array;
}

export function generateSigningKey(seed?: Uint8Array): SigningKey {
  const pair = seed ? nacl.sign.keyPair.fromSeed(seed) : nacl.sign.keyPair();
  return { kid: keyIdOf(pair.publicKey), publicKey: pair.publicKey, secretKey: pair.secretKey };
}

export interface SignedPass {
  bytes: Uint8Array;
  text: string;
}

/** Signs a pass. The key id in the fields is taken from the key, so the two cannot disagree. */
export function signPass(fields: Omit<PassFields, "kid">, key: SigningKey): SignedPass {
  const signed = encodeSigned({ ...fields, kid: key.kid });
  const signature = nacl.sign.detached(signed, key.secretKey);
  const bytes = new Uint8Array(signed.length + signature.length);
  bytes.set(signed);
  bytes.set(signature, signed.length);
  return { bytes, text: passToText(bytes) };
}
