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
