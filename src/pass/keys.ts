import nacl from "tweetnacl";
import { toHex } from "./bytes.js";
import { KID_BYTES } from "./layout.js";

/**
 * A key id is the first 4 bytes of SHA-512(public key). Derived rather than assigned so that
 * any verifier can check a cached key list on its own, and SHA-512 because tweetnacl ships it
 * synchronously in every runtime. An issuer must refuse a new key whose id collides with a
 * key already listed for the event (1 in 4 billion per pair).
 */
export function keyIdOf(publicKey: Uint8Array): string {
  return toHex(nacl.hash(publicKey).subarray(0, KID_BYTES));
}

export interface PublicKeyEntry {
  kid: string;
  publicKey: Uint8Array;
}

/** Where a verifier finds a public key by id; a Map or an IndexedDB-backed cache both fit. */
export type KeyLookup = (kid: string) => Uint8Array | undefined;

export function keyLookupFrom(keys: Iterable<PublicKeyEntry>): KeyLookup {
  const map = new Map<string, Uint8Array>();
  for (const k of keys) map.set(k.kid, k.publicKey);
  return (kid) => map.get(kid);
}
