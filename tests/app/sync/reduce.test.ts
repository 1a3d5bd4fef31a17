import { describe, expect, it } from "vitest";
import type { Entry } from "../../../src/sync/index.js";
import { counterDelta, insideNow, reduceEntries, reducePassState } from "../../../src/app/sync/reduce.js";

const P = "000000000001";
const admit = (at: number, deviceId = "d1", door?: string): Entry => ({
  id: `${deviceId}-${at}`,
  deviceId,
  seq: 1,
  type: "admit",
  at,
  passId: P,
  ...(door ? { data: { door } } : {}),
});
const exit = (at: number, deviceId = "d1"): Entry => ({ id: `${deviceId}-x${at}`, deviceId, seq: 2, type: "exit", at, passId: P });

describe("reducer", () => {
  it("tracks admits, exits, inside, and where the last admission was", () => {
    let s = reducePassState(undefined, admit(100, "d1", "North"));
    expect(s).toMatchObject({ admits: 1, inside: 1, lastAdmitAt: 100, lastAdmitWhere: "North", lastAdmitDevice: "d1" });
    s = reducePassState(s, exit(200));
    expect(s).toMatchObject({ exits: 1, inside: 0, lastExitAt: 200 });
    s = reducePassState(s, admit(300, "d2"));
    expect(s).toMatchObject({ admits: 2, inside: 1, lastAdmitWhere: "d2", firstAdmitAt: 100 });
  });

  it("ignores entries that do not move door state", () => {
    const deny: Entry = { id: "x", deviceId: "d", seq: 1, type: "deny", at: 1, passId: P, data: { verdict: "ALREADY_IN" } };
    expect(reducePassState(undefined, deny)).toBeUndefined();
    expect(counterDelta(deny)).toEqual({});
  });

  it("gives the same state whatever order entries arrive in", () => {
    const entries = [admit(100, "d1", "North"), exit(150, "d1"), admit(400, "d2", "South"), exit(300, "d3")];
    const orders = [entries, [...entries].reverse(), [entries[2]!, entries[0]!, entries[3]!, entries[1]!]];
    const results = orders.map((o) => reduceEntries(new Map(), o));
    for (const r of results) {
      expect(r.states.get(P)).toEqual(results[0]!.states.get(P));
      expect(r.delta).toEqual({ admits: 2, exits: 2 });
    }
    expect(results[0]!.states.get(P)).toMatchObject({ inside: 1, lastAdmitWhere: "South", lastExitAt: 300 });
    expect(insideNow({ admits: 1, exits: 3 })).toBe(0);
  });
});
