/**
 * Arrival buckets → bars: fills the empty 5-minute slots between the first and the last bucket
 * (a quiet quarter-hour is information, not a missing column) and caps how many are drawn, keeping
 * the most recent. Pure, so the chart's arithmetic is tested without a browser.
 */
export interface Bar {
  start: number;
  count: number;
}

export function fillBars(arrivals: readonly Bar[], bucketMs: number, maxBars = 72): Bar[] {
  if (arrivals.length === 0) return [];
  const byStart = new Map(arrivals.map((a) => [a.start, a.count]));
  const first = arrivals[0]!.start;
  const last = arrivals[arrivals.length - 1]!.start;
  const from = Math.max(first, last - (maxBars - 1) * bucketMs);
  const out: Bar[] = [];
  for (let t = from; t <= last; t += bucketMs) out.push({ start: t, count: byStart.get(t) ?? 0 });
  return out;
}

/** A round axis maximum (1, 2, 5, 10, 20, 50 …) at or above the tallest bar. */
export function niceMax(value: number): number {
  if (value <= 1) return 1;
  const pow = 10 ** Math.floor(Math.log10(value));
  for (const m of [1, 2, 5, 10]) if (m * pow >= value) return m * pow;
  return 10 * pow;
}
