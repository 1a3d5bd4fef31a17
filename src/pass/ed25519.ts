import { toHex } from "./bytes.js";

/** One Ed25519 verify primitive, two implementations that must agree on every input. */
export interface Ed25519Verifier {
  readonly name: "webcrypto" | "tweetnacl";
  verify(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): Promise<boolean>;
}

// The group order L, little-endian. RFC 8032 requires S < L; tweetnacl does not check it and
// WebCrypto does, so both paths check it here first and cannot disagree on a malleated signature.
const L = [
  0xed, 0xd3, 0xf5, 0x5c, 0x1a, 0x63, 0x12, 0x58, 0xd6, 0x9c, 0xf7, 0xa2, 0xde, 0xf9, 0xde, 0x14, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0x10,
];

function wellFormed(publicKey: Uint8Array, signature: Uint8Array): boolean {
  if (publicKey.length !== 32 || signature.length !== 64) return false;
  for (let i = 31; i >= 0; i--) {
    const s = signature[32 + i]!;
    if (s < L[i]!) return true;
    if (s > L[i]!) return false;
  }
  return false; // S == L
}

/**
 * Loaded on first use: every browser Doorlist targets has WebCrypto Ed25519, so on a phone this
 * 10 KB (gzipped) fallback stays out of the first download and is fetched (and precached) only
 * where it is needed.
 */
type Nacl = typeof import("tweetnacl");
let naclModule: Promise<Nacl> | undefined;
// tweetnacl is CommonJS: bundlers and Node hand its exports over as the default export.
const loadNacl = () => (naclModule ??= import("tweetnacl").then((m) => ((m as unknown as { default?: Nacl }).default ?? m)));

export const tweetnaclVerifier: Ed25519Verifier = {
  name: "tweetnacl",
  async verify(publicKey, message, signature) {
    if (!wellFormed(publicKey, signature)) return false;
    const nacl = await loadNacl();
    return nacl.sign.detached.verify(message, signature, publicKey);
  },
};

/**
 * WebCrypto's Ed25519: about 40x faster than tweetnacl in Chromium. Imported keys are cached by
 * their bytes in memory only; what is stored on the device is raw key bytes.
 */
export function webCryptoVerifier(subtle: SubtleCrypto): Ed25519Verifier {
  const cache = new Map<string, Promise<CryptoKey>>();
  return {
    name: "webcrypto",
    async verify(publicKey, message, signature) {
      if (!wellFormed(publicKey, signature)) return false;
      const id = toHex(publicKey);
      let key = cache.get(id);
      if (!key) {
        key = subtle.importKey("raw", publicKey as BufferSource, { name: "Ed25519" }, false, ["verify"]);
        cache.set(id, key);
      }
      try {
        return await subtle.verify({ name: "Ed25519" }, await key, signature as BufferSource, message as BufferSource);
      } catch {
        cache.delete(id);
        return false;
      }
    },
  };
}

// RFC 8032 section 7.1, test 1: the empty message. Proves the runtime's Ed25519 really verifies.
const PROBE_KEY = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";
const PROBE_SIG =
  "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b";

function hexBytes(hex: string): Uint8Array {
  return Uint8Array.from(hex.match(/../g)!.map((h) => parseInt(h, 16)));
}

let chosen: Promise<Ed25519Verifier> | undefined;

/** WebCrypto where the runtime has Ed25519 (and a secure context), tweetnacl otherwise. Decided once. */
export function bestVerifier(): Promise<Ed25519Verifier> {
  chosen ??= (async () => {
    const subtle = globalThis.crypto?.subtle;
    if (!subtle) return tweetnaclVerifier;
    const candidate = webCryptoVerifier(subtle);
    try {
      const good = await candidate.verify(hexBytes(PROBE_KEY), new Uint8Array(0), hexBytes(PROBE_SIG));
      return good ? candidate : tweetnaclVerifier;
    } catch {
      return tweetnaclVerifier;
    }
  })();
  return chosen;
}
