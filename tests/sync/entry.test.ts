import { describe, expect, it } from "vitest";
import { canonicalJson, checkEntry, nestedDeeperThan, sameEntry, type Entry } from "../../src/sync/index.js";

const base = { id: "dev1-1", deviceId: "dev1", seq: 1, at: 1_790_000_000_000 };

describe("checkEntry", () => {
  it.each<[string, object]>([
    ["admit", { ...base, type: "admit", passId: "00000000a001", data: { verdict: "ADMIT", tier: "GA" } }],
    ["exit", { ...base, type: "exit", passId: "00000000a001" }],
    ["deny", { ...base, type: "deny", data: { verdict: "FORGED", text: "DL:XYZ" } }],
    ["sale", { ...base, type: "sale", data: { lines: [{ sku: "TEE", quantity: 2, unitCents: 2500 }], method: "cash", totalCents: 5000 } }],
    ["pickup", { ...base, type: "pickup", passId: "00000000a001", data: { items: { kit: 1 } } }],
    ["void", { ...base, type: "void", data: { voids: "dev1-0", reason: "wrong size" } }],
    ["cash_count", { ...base, type: "cash_count", data: { countedCents: 12000, shift: "s1" } }],
  ])("accepts a well-formed %s entry", (_type, entry) => {
    expect(checkEntry(entry)).toMatchObject({ ok: true });
  });

  it.each<[string, object, RegExp]>([
    ["no passId on an admit", { ...base, type: "admit" }, /passId/],
    ["seq zero", { ...base, seq: 0, type: "exit", passId: "p" }, /seq/],
    ["a clock from 1970", { ...base, at: 5, type: "exit", passId: "p" }, /at/],
    ["an id with a slash", { ...base, id: "a/b", type: "exit", passId: "p" }, /id/],
    ["a deny without a verdict", { ...base, type: "deny", data: {} }, /verdict/],
    ["a sale with no lines", { ...base, type: "sale", data: { lines: [], method: "cash", totalCents: 0 } }, /lines/],
    ["a payment method we do not take", { ...base, type: "sale", data: { lines: [{ sku: "T", quantity: 1, unitCents: 1 }], method: "iou", totalCents: 1 } }, /method/],
    ["oversized data", { ...base, type: "deny", data: { verdict: "FORGED", detail: "x".repeat(150), notes: "y".repeat(2000) } }, /larger than/],
    ["data nested 50,000 deep", { ...base, type: "deny", data: { verdict: "FORGED", deep: JSON.parse("[".repeat(50_000) + "]".repeat(50_000)) } }, /nested deeper/],
  ])("refuses %s and names the field", (_name, entry, message) => {
    const r = checkEntry(entry);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(message);
  });

  it("never throws, whatever it is given", () => {
    for (const v of [undefined, null, 0, "entry", [], {}, { type: "admit" }, { ...base, type: Symbol("x") }]) {
      expect(checkEntry(v).ok).toBe(false);
    }
  });
});

describe("nestedDeeperThan", () => {
  it("counts objects and arrays, not scalars", () => {
    expect(nestedDeeperThan(1, 0)).toBe(false);
    expect(nestedDeeperThan({ a: 1 }, 1)).toBe(false);
    expect(nestedDeeperThan({ a: { b: 1 } }, 1)).toBe(true);
    expect(nestedDeeperThan([[[]]], 3)).toBe(false);
    expect(nestedDeeperThan([[[[]]]], 3)).toBe(true);
  });
});

describe("sameEntry", () => {
  it("ignores key order and sees any change of content", () => {
    const a = { ...base, type: "admit", passId: "p", data: { verdict: "ADMIT", tier: "GA" } } as Entry;
    const reordered = JSON.parse('{"data":{"tier":"GA","verdict":"ADMIT"},"passId":"p","type":"admit","at":1790000000000,"seq":1,"deviceId":"dev1","id":"dev1-1"}') as Entry;
    expect(sameEntry(a, reordered)).toBe(true);
    expect(sameEntry(a, { ...a, at: a.at + 1 })).toBe(false);
    expect(canonicalJson({ b: 1, a: [{ d: 1, c: 2 }] })).toBe('{"a":[{"c":2,"d":1}],"b":1}');
  });
});
