/**
 * The one place where verdict codes become words, colours and feedback. Everything the door
 * screen shows about a verdict comes from here, so staff read the same words for the same code
 * whether it came from the camera, the keyboard or a name search.
 */
import type { Verdict } from "../../sync/index.js";

/** admit: green; warn: amber; caution: orange; deny: red; info: blue (nothing wrong with the guest) */
export type Tone = "admit" | "warn" | "caution" | "deny" | "info";

export interface VerdictWords {
  /** big, plain, a few words */
  title: string;
  /** what staff should do, one short sentence */
  advice: string;
  tone: Tone;
}

const WORDS: Record<Verdict, VerdictWords> = {
  ADMIT: { title: "Admit", advice: "Let them in.", tone: "admit" },
  ALREADY_IN: { title: "Already in", advice: "This pass was admitted before. Check before letting them in.", tone: "warn" },
  FULL: { title: "Venue full", advice: "Capacity reached. Wait for someone to leave.", tone: "caution" },
  NOT_AT_THIS_DOOR: { title: "Not at this door", advice: "This ticket type is not admitted here. Send them to the right door.", tone: "caution" },
  WRONG_EVENT: { title: "Wrong event", advice: "This pass is for another event or day.", tone: "caution" },
  FORGED: { title: "Forged pass", advice: "The signature does not match. Do not admit.", tone: "deny" },
  REVOKED: { title: "Revoked", advice: "Refunded or transferred. Do not admit.", tone: "deny" },
  EXPIRED: { title: "Expired", advice: "This pass is no longer valid.", tone: "deny" },
  NOT_YET_VALID: { title: "Not valid yet", advice: "This pass is not valid at this time.", tone: "deny" },
  NOT_A_PASS: { title: "Not a pass", advice: "This code is not a Doorlist pass.", tone: "deny" },
  UNKNOWN_KEY: { title: "Unknown key", advice: "This device has not seen the key for this pass. Sync, then scan again.", tone: "info" },
  EXITED: { title: "Scanned out", advice: "They have left.", tone: "info" },
  NOT_INSIDE: { title: "Not inside", advice: "This pass was not checked in.", tone: "warn" },
};

export function verdictWords(verdict: Verdict): VerdictWords {
  return WORDS[verdict];
}
