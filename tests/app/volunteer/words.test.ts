import { describe, expect, it } from "vitest";
import { itemsText, money, parseMoney } from "../../../src/app/volunteer/ui/words.js";

describe("amounts on the volunteer screen", () => {
  it("reads what a volunteer types as a cash count", () => {
    expect(parseMoney("125.50")).toBe(12550);
    expect(parseMoney(" 12,5 ")).toBe(1250);
    expect(parseMoney("35")).toBe(3500);
    expect(parseMoney("0.05")).toBe(5);
    expect(parseMoney("7.")).toBe(700);
    for (const bad of ["", "-3", "1.234", "abc", "1e3", "12.5.1"]) expect(parseMoney(bad)).toBeNull();
  });

  it("shows cents with two decimals and a real minus sign", () => {
    expect([money(0), money(5), money(12550), money(-500)]).toEqual(["0.00", "0.05", "125.50", "−5.00"]);
    expect(itemsText({ kit: 1, tote: 2 })).toBe("1 × kit, 2 × tote");
  });
});
