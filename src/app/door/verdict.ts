/**
 * The verdict engine: a pure function of what was scanned, what this device knows, and this door's
 * settings. No IndexedDB, no clock, no network — the caller reads those and passes them in, so
 * every verdict and the order between them is unit-testable in isolation.
 *
 * The order is DESIGN.md's ("Verdicts at the door"): the first rule that applies decides.
 */
import { checkWindow, DEFAULT_CLOCK_SKEW_MS, type DecodeResult, type VerifyResult } from "../../pass/index.js";
import type { Verdict } from "../../sync/index.js";
import type { DoorSettings } from "../commands/types.js";
import type { PassRecord, PassState } from "../db/records.js";

/** A scanned code: the decoder's result, and the signature check the caller ran when it decoded. */
export interface ScannedInput {
  kind: "scan";
  decoded: DecodeResult;
  /** verifyPass's outcome; absent only when decoding failed (nothing to verify) */
  signature?: VerifyResult;
}

/**
 * A pass picked by name from the roster: there is no scanned text, so there is no signature
 * to check. The roster record stands in for the pass, and its window is checked from the roster.
 */
export interface ManualInput {
  kind: "manual";
  passId: string;
}

export type VerdictInput = ScannedInput | ManualInput;

export interface DoorState {
  /** the roster's record for this pass, if the roster has it */
  passRecord?: PassRecord | undefined;
  revoked: boolean;
  passState?: PassState | undefined;
  insideNow: number;
  capacity: number | null;
}

export interface VerdictSettings extends DoorSettings {
  /** the event this device is enrolled in */
  eventId: string;
  /** the best estimate of true time: device clock plus the server offset when known */
  now: number;
  clockSkewMs?: number;
}

/** What the entry for this verdict records. */
export type EntryKind = "admit" | "exit" | "deny";

export interface Decision {
  verdict: Verdict;
  detail: string;
  entryType: EntryKind;
  passId?: string;
  holder?: string;
  tier?: string;
  /** for ALREADY_IN: when and where the last admission happened */
  previous?: { at: number; where: string };
}

const SIGNATURE_VERDICT = {
  WRONG_EVENT: "WRONG_EVENT",
  UNKNOWN_KEY: "UNKNOWN_KEY",
  BAD_SIGNATURE: "FORGED",
  NOT_YET_VALID: "NOT_YET_VALID",
  EXPIRED: "EXPIRED",
} as const satisfies Record<NonNullable<Extract<VerifyResult, { ok: false }>["reason"]>, Verdict>;

export function entryTypeOf(verdict: Verdict): EntryKind {
  if (verdict === "ADMIT") return "admit";
  if (verdict === "EXITED") return "exit";
  return "deny";
}

function describePrevious(ps: PassState): { at: number; where: string } | undefined {
  if (ps.lastAdmitAt === null) return undefined;
  return { at: ps.lastAdmitAt, where: ps.lastAdmitWhere ?? "another device" };
}

export function decide(input: VerdictInput, state: DoorState, settings: VerdictSettings): Decision {
  const make = (verdict: Verdict, detail: string, extra: Partial<Decision> = {}): Decision => ({
    verdict,
    detail,
    entryType: entryTypeOf(verdict),
    ...extra,
  });
  const skew = settings.clockSkewMs ?? DEFAULT_CLOCK_SKEW_MS;

  // 1–5: is this a genuine pass of this event, in its window?
  let passId: string;
  let tier: string;
  if (input.kind === "scan") {
    if (!input.decoded.ok) return make("NOT_A_PASS", `${input.decoded.reason}: ${input.decoded.detail}`);
    const pass = input.decoded.pass;
    passId = pass.passId;
    tier = pass.tier;
    // The event is read before the signature: it only ever denies, and a guest at the wrong
    // event's door should hear so even if this device has never seen that event's keys.
    if (pass.eventId !== settings.eventId) return make("WRONG_EVENT", `pass is for event ${pass.eventId}`, { passId, tier });
    const sig = input.signature;
    if (!sig) return make("FORGED", "signature was not checked", { passId, tier });
    if (!sig.ok) {
      const verdict = SIGNATURE_VERDICT[sig.reason];
      // In exit mode a genuine pass leaves whatever its window says: only denials that
      // question the pass itself (event, key, signature) stop an exit.
      if (!(settings.mode === "exit" && (verdict === "NOT_YET_VALID" || verdict === "EXPIRED"))) {
        return make(verdict, sig.detail, { passId, tier });
      }
    }
  } else {
    const rec = state.passRecord;
    if (!rec) return make("NOT_A_PASS", `pass ${input.passId} is not in the roster`, { passId: input.passId });
    passId = rec.id;
    tier = rec.tier;
    if (settings.mode !== "exit") {
      const window = checkWindow(
        { validFrom: rec.validFrom ?? undefined, validUntil: rec.validUntil ?? undefined },
        settings.now,
        skew,
      );
      if (!window.ok) return make(SIGNATURE_VERDICT[window.reason], window.detail, { passId, tier, holder: rec.holder });
    }
  }

  // A signed pass missing from the roster is admitted: it was issued after the last sync.
  // The roster only adds the holder's name (and the roster's tier is the signed one anyway).
  const holder = state.passRecord?.holder;
  const who = holder !== undefined ? { passId, tier, holder } : { passId, tier };
  const ps = state.passState;

  if (settings.mode === "exit") {
    if (ps && ps.inside === 1) return make("EXITED", "scanned out", who);
    return make("NOT_INSIDE", ps && ps.admits > 0 ? "already scanned out" : "never admitted", who);
  }

  if (state.revoked || state.passRecord?.revoked === 1) return make("REVOKED", "on the revocation list", who);
  if (settings.tiers !== null && !settings.tiers.includes(tier)) {
    return make("NOT_AT_THIS_DOOR", `tier ${tier} is not on this door's list`, who);
  }
  if (ps && ps.admits > 0) {
    const cameBackAfterExit = ps.inside === 0 && ps.lastExitAt !== null;
    if (!(settings.reentry && cameBackAfterExit)) {
      const previous = describePrevious(ps);
      const detail = previous ? `admitted at ${new Date(previous.at).toISOString()} by ${previous.where}` : "admitted before";
      return make("ALREADY_IN", detail, previous ? { ...who, previous } : who);
    }
  }
  if (state.capacity !== null && state.insideNow >= state.capacity) {
    return make("FULL", `${state.insideNow} inside, capacity ${state.capacity}`, who);
  }
  return make("ADMIT", ps && ps.admits > 0 ? "re-entry after exit" : "valid pass", who);
}
