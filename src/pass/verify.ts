import { bestVerifier, type Ed25519Verifier } from "./ed25519.js";
import type { KeyLookup } from "./keys.js";
import type { DecodedPass } from "./layout.js";
import type { VerifyReason } from "./reasons.js";

/** Clocks on phones drift; a pass is honoured this long before its window opens and after it closes. */
export const DEFAULT_CLOCK_SKEW_MS = 5 * 60 * 1000;

export interface VerifyContext {
  eventId: string;
  keys: KeyLookup;
  now: number;
  clockSkewMs?: number;
  verifier?: Ed25519Verifier;
}

export type VerifyResult = { ok: true } | { ok: false; reason: VerifyReason; detail: string };

/**
 * Checks a decoded pass against the event, the key list and the clock, in the order the door
 * needs: event first (it only ever denies, and tells staff the guest is at the wrong door),
 * then the key, the signature, and last the window, which is worth reading only if signed.
 */
export async function verifyPass(pass: DecodedPass, ctx: VerifyContext): Promise<VerifyResult> {
  if (pass.eventId !== ctx.eventId) return { ok: false, reason: "WRONG_EVENT", detail: `pass is for event ${pass.eventId}` };
  const publicKey = ctx.keys(pass.kid);
  if (!publicKey) return { ok: false, reason: "UNKNOWN_KEY", detail: `key ${pass.kid} is not in the key list` };
  const verifier = ctx.verifier ?? (await bestVerifier());
  if (!(await verifier.verify(publicKey, pass.signed, pass.signature))) {
    return { ok: false, reason: "BAD_SIGNATURE", detail: "signature does not verify" };
  }
  return checkWindow(pass, ctx.now, ctx.clockSkewMs ?? DEFAULT_CLOCK_SKEW_MS);
}

export function checkWindow(pass: Pick<DecodedPass, "validFrom" | "validUntil">, now: number, skewMs = DEFAULT_CLOCK_SKEW_MS): VerifyResult {
  if (pass.validFrom !== undefined && now + skewMs < pass.validFrom) {
    return { ok: false, reason: "NOT_YET_VALID", detail: `valid from ${new Date(pass.validFrom).toISOString()}` };
  }
  if (pass.validUntil !== undefined && now - skewMs >= pass.validUntil) {
    return { ok: false, reason: "EXPIRED", detail: `expired ${new Date(pass.validUntil).toISOString()}` };
  }
  return { ok: true };
}
