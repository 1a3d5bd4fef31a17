import { createPrivateKey, sign, type KeyObject } from "node:crypto";
import { encodeSigned, passToText, type PassFields } from "../../pass/index.js";
import { type SigningKey } from "../../pass/sign.js";

/**
 * Signs passes with src/pass's layout and text codec, but with Node's native Ed25519 instead of
 * tweetnacl's: tweetnacl takes ~5 ms a signature here, so 10,000 passes would take most of a
 * minute. Ed25519 is deterministic, so the bytes are identical to signPass's — a test checks it.
 */
export class PassSigner {
  private readonly key: KeyObject;
  constructor(private readonly signingKey: SigningKey) {
    // PKCS#8 wrapping of a raw Ed25519 seed (RFC 8410): a fixed 16-byte prefix, then the 32-byte seed.
    const prefix = Buffer.from("302e020100300506032b657004220420", "hex");
    const seed = Buffer.from(signingKey.secretKey.subarray(0, 32));
    this.key = createPrivateKey({ key: Buffer.concat([prefix, seed]), format: "der", type: "pkcs8" });
  }

  get kid(): string {
    return this.signingKey.kid;
  }

  sign(fields: Omit<PassFields, "kid">): string {
    const signed = encodeSigned({ ...fields, kid: this.signingKey.kid });
    const signature = sign(null, signed, this.key);
    const bytes = new Uint8Array(signed.length + signature.length);
    bytes.set(signed);
    bytes.set(signature, signed.length);
    return passToText(bytes);
  }
}
