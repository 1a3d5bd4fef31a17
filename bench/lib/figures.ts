/**
 * One shape for every benchmark's output, so `npm run bench` can gather them into
 * bench/results.json and print one table. Each benchmark prints exactly one JSON line
 * `{"bench": name, "figures": [...]}` on stdout as its last line; anything else it prints
 * goes to stderr.
 */
export interface Figure {
  name: string;
  value: number;
  unit: string;
  /** the goal, in the same unit; absent for figures that are context, not targets */
  target?: number;
  /** which side of the target is good */
  better?: "lower" | "higher";
}

export interface BenchResult {
  bench: string;
  figures: Figure[];
  notes?: string[];
}

export function meets(f: Figure): boolean | null {
  if (f.target === undefined || f.better === undefined) return null;
  return f.better === "lower" ? f.value <= f.target : f.value >= f.target;
}

export function printResult(result: BenchResult): void {
  process.stdout.write(JSON.stringify(result) + "\n");
}

/** Percentile by nearest rank over a copy, so callers can keep their sample order. */
export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
