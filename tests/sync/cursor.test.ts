import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor } from "../../src/sync/index.js";

describe("version-vector cursor", () => {
  it("round-trips, whatever the key order", () => {
    const v = { "dev-b": 7, "dev-a": 120, "dév-ü": 3 };
    const c = encodeCursor(v);
    expect(c).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(c)).toEqual({ ok: true, vector: v });
    expect(encodeCursor({ "dev-a": 120, "dev-b": 7, "dév-ü": 3 })).toBe(c);
  });

  it("reads an omitted cursor as the beginning", () => {
    for (const empty of [undefined, null, ""]) expect(decodeCursor(empty)).toEqual({ ok: true, vector: {} });
  });

  it.each(["!!!", "bm90IGpzb24", encodeCursor({}).slice(1) + "%", "WyJhIl0", "eyJhIjotMX0", "eyJhIjoiMSJ9"])("refuses %j without throwing", (bad) => {
    const r = decodeCursor(bad);
    expect(r.ok).toBe(false);
  });
});
