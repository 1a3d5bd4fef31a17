/**
 * Exponential backoff with "equal jitter": the n-th consecutive failure waits between half and
 * all of min(cap, base·2^n). Half is fixed so retries never collapse to zero; the random half
 * keeps a room full of phones that lost Wi-Fi together from all retrying in the same second.
 */
export interface BackoffPolicy {
  baseMs: number;
  capMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 2_000, capMs: 5 * 60_000 };

/** The delay after `failures` consecutive failures (1 = the first). `random` returns [0, 1). */
export function backoffDelay(failures: number, random: () => number, policy: BackoffPolicy = DEFAULT_BACKOFF): number {
  if (failures <= 0) return 0;
  // 2^30 already dwarfs any cap; clamping the exponent keeps the arithmetic finite.
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** Math.min(failures - 1, 30));
  const r = Math.min(Math.max(random(), 0), 1);
  return Math.round(ceiling / 2 + (ceiling / 2) * r);
}
