import { describe, expect, it } from "vitest";
import { base45Decode, base45Encode } from "../../src/pass/base45.js";

const text = (s: string) => new TextEncoder().encode(s);

describe("base45 (RFC 9285)", () => {
  it.each([
    ["AB", "BB8"],
    ["Hello!!", "%69 VD92EX0"],
    ["base-45", "UJCLQE7W581"],
    ["ietf!", "QED8WEX0"],
    ["", ""],
  ])("encodes %j as %j and back", (plain, encoded) => {
    expect(base45Encode(text(plain))).toBe(encoded);
    expect(base45Decode(encoded)).toEqual(text(plain));
  });

  it("round-trips every byte value at both positions of a pair", () => {
    for (let a = 0; a < 256; a++) {
      const bytes = new Uint8Array([a, 255 - a, a]);
      expect(base45Decode(base45Encode(bytes))).toEqual(bytes);
    }
  });

  it.each([
    ["GGW", "a group above 65535"],
    ["0", "a dangling single character"],
    ["Z6", "a final pair above 255"],
    ["abc", "lower case"],
    ["AB#", "a character outside the alphabet"],
    ["ÄÄÄ", "non-ASCII"],
  ])("refuses %j (%s) without throwing", (input) => {
    expect(base45Decode(input)).toBeNull();
  });
});
