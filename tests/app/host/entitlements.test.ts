import { describe, expect, it } from "vitest";
import { formatEntitlements, parseEntitlements } from "../../../src/app/host/setup/entitlements.js";

describe("parseEntitlements", () => {
  it("reads names with and without counts, in either notation", () => {
    expect(parseEntitlements("kit, tote:2; drink ticket = 3")).toEqual({ ok: true, value: { kit: 1, tote: 2, "drink ticket": 3 } });
    expect(parseEntitlements("  ")).toEqual({ ok: true, value: {} });
  });

  it("refuses counts out of range, repeats and nonsense", () => {
    expect(parseEntitlements("kit:0").ok).toBe(false);
    expect(parseEntitlements("kit:1001").ok).toBe(false);
    expect(parseEntitlements("kit, kit:2").ok).toBe(false);
    expect(parseEntitlements(":3").ok).toBe(false);
  });

  it("formats back to what it reads", () => {
    const value = { kit: 1, tote: 2 };
    expect(formatEntitlements(value)).toBe("kit, tote:2");
    expect(parseEntitlements(formatEntitlements(value))).toEqual({ ok: true, value });
  });
});
