import { describe, expect, it } from "vitest";
import { chunkForRequests, previewRoster } from "../../../src/app/host/roster/validate.js";

describe("previewRoster", () => {
  it("uses a header row in any column order and names every row's problems", () => {
    const csv = [
      "E-mail,Tier,Name",
      "ada@example.org,VIP,Ada",
      ",GA,",
      "bob@example.org,Backstage,Bob",
      "cy@example.org,VERYLONGTIERNAME,Cy",
      "ada@example.org,VIP,ada ",
      "not-mail,GA,Dee",
    ].join("\n");
    const p = previewRoster(csv, ["VIP", "GA"]);
    expect(p.hadHeader).toBe(true);
    expect(p.valid).toEqual([{ line: 2, holder: "Ada", tier: "VIP", email: "ada@example.org" }]);
    const byLine = Object.fromEntries(p.invalid.map((r) => [r.line, r.problems.join("; ")]));
    expect(byLine[3]).toMatch(/name is empty/);
    expect(byLine[4]).toMatch(/not one of this event's tiers/);
    expect(byLine[5]).toMatch(/longer than 12 bytes/);
    expect(byLine[6]).toMatch(/repeats line 2/);
    expect(byLine[7]).toMatch(/not an e-mail address/);
  });

  it("reads headerless files as holder, tier, e-mail and counts tier bytes, not characters", () => {
    const p = previewRoster("Zoë,Ünïcödé€\nÅsa,GA", []);
    expect(p.hadHeader).toBe(false);
    // "Ünïcödé€" is 8 characters but 15 bytes of UTF-8
    expect(p.invalid[0]!.problems[0]).toMatch(/12 bytes/);
    expect(p.valid).toEqual([{ line: 2, holder: "Åsa", tier: "GA", email: "" }]);
  });

  it("flags a file that was not UTF-8", () => {
    expect(previewRoster("Zo\uFFFD,GA", []).fileProblems[0]).toMatch(/CSV UTF-8/);
  });

  it("accepts any short tier while the event has none, and flags an empty file", () => {
    expect(previewRoster("Ada,Whatever", []).valid).toHaveLength(1);
    expect(previewRoster("\n\n", []).fileProblems[0]).toMatch(/no rows/);
  });
});

describe("chunkForRequests", () => {
  it("keeps each request under both the count and the byte limit", () => {
    const long = Array.from({ length: 10_000 }, (_, i) => ({ holder: `${"x".repeat(190)}${i}`, tier: "GA", entitlements: { kit: 1, tote: 1 } }));
    const parts = chunkForRequests(long, 10_000, 1_900_000);
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.flat()).toHaveLength(10_000);
    for (const p of parts) expect(JSON.stringify({ passes: p }).length).toBeLessThanOrEqual(1_900_000);
    expect(chunkForRequests([1, 2, 3, 4, 5], 2, 1_000_000)).toEqual([[1, 2], [3, 4], [5]]);
    expect(chunkForRequests([], 2, 100)).toEqual([]);
  });
});
