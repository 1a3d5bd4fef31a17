import { describe, expect, it } from "vitest";
import { backoffDelay, DEFAULT_BACKOFF } from "../../../src/app/sync/backoff.js";
import { seededRandom } from "../../support/random.js";

describe("backoff", () => {
  it("doubles from the base, stays between half and all of its ceiling, never passes the cap", () => {
    const policy = { baseMs: 1000, capMs: 60_000 };
    const rand = seededRandom(42);
    for (let n = 1; n <= 40; n++) {
      const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** (n - 1));
      for (let k = 0; k < 50; k++) {
        const d = backoffDelay(n, rand, policy);
        expect(d).toBeGreaterThanOrEqual(ceiling / 2);
        expect(d).toBeLessThanOrEqual(ceiling);
      }
    }
    expect(backoffDelay(1, () => 0, policy)).toBe(500);
    expect(backoffDelay(1, () => 0.999999, policy)).toBe(1000);
    expect(backoffDelay(3, () => 0, policy)).toBe(2000);
    expect(backoffDelay(1000, () => 0.999999, policy)).toBe(60_000);
    expect(backoffDelay(0, () => 0.5, policy)).toBe(0);
  });

  it("jitter spreads retries: many devices do not all wait the same", () => {
    const rand = seededRandom(7);
    const delays = new Set(Array.from({ length: 100 }, () => backoffDelay(5, rand, DEFAULT_BACKOFF)));
    expect(delays.size).toBeGreaterThan(50);
  });
});
