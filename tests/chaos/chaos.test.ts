/**
 * The short chaos run for `npm test`: every fault on, the server killed mid-run, on PGlite and
 * on PostgreSQL. Longer runs: `npm run chaos -- --devices 50 --entries 2000 --seed N`.
 * A seed that ever fails goes into PINNED with a line saying what it found.
 */
import { describe, expect, it } from "vitest";
import { runChaos } from "./harness.js";

const SEEDS = [1, 2];
/** Seeds that once broke a promise; replayed on every run. */
const PINNED: number[] = [];

describe("chaos sync", () => {
  it.each([...SEEDS, ...PINNED])("PGlite, seed %i: nothing lost, nothing doubled, everyone has everything", async (seed) => {
    const report = await runChaos({ devices: 6, entries: 150, seed, store: "pglite", kills: 1 });
    expect(report.violations).toEqual([]);
    expect(report.serverEntries).toBe(6 * 150);
    expect(report.kills).toBe(1);
    // the run must actually have been hostile, or it proves nothing
    expect(report.faults.droppedResponses + report.faults.droppedRequests + report.faults.duplicated).toBeGreaterThan(5);
  }, 180_000);

  it("PostgreSQL, seed 3: the same promises on the production store", async () => {
    const adminUrl = process.env.TEST_DATABASE_URL;
    if (!adminUrl) throw new Error("TEST_DATABASE_URL is not set: npm test starts a PostgreSQL cluster and sets it");
    const report = await runChaos({ devices: 6, entries: 150, seed: 3, store: "postgres", databaseUrl: adminUrl, kills: 1 });
    expect(report.violations).toEqual([]);
    expect(report.serverEntries).toBe(6 * 150);
  }, 180_000);
});
