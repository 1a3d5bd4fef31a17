import nacl from "tweetnacl";
import { keyIdOf } from "./keys.js";
import { encodeSigned, type PassFields } from "./layout.js";
import { passToText } from "./text.js";

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
