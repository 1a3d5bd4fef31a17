/**
 * The closed set of door verdicts, in the order DESIGN.md decides them. Shared because a
 * deny entry records its verdict and the server's report groups by it; the words staff
 * read live in the app.
 */
export const VERDICTS = [
  "NOT_A_PASS",
  "WRONG_EVENT",
  "UNKNOWN_KEY",
  "FORGED",
  "NOT_YET_VALID",
  "EXPIRED",
  "REVOKED",
  "NOT_AT_THIS_DOOR",
  "ALREADY_IN",
  "FULL",
  "ADMIT",
  // exit mode: the pass was scanned out, or was not inside to begin with
  "EXITED",
  "NOT_INSIDE",
] as const;
export type Verdict = (typeof VERDICTS)[number];
