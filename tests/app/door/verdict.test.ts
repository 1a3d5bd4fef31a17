import { describe, expect, it } from "vitest";
import { decodePassText, type DecodeResult, type VerifyResult } from "../../../src/pass/index.js";
import { decide, entryTypeOf, type DoorState, type VerdictSettings } from "../../../src/app/door/verdict.js";
import type { PassState } from "../../../src/app/db/records.js";
import { emptyPassState } from "../../../src/app/sync/reduce.js";
import { EVENT_ID, NOW, OTHER_EVENT, passText, rosterPass } from "../fixtures.js";

const PID = "00000000abcd";
const decoded = (fields: Parameters<typeof passText>[0] = { passId: PID }): DecodeResult => decodePassText(passText(fields));
const OK: VerifyResult = { ok: true };
const settings = (over: Partial<VerdictSettings> = {}): VerdictSettings => ({
  tiers: null,
  reentry: true,
  mode: "entry",
  eventId: EVENT_ID,
  now: NOW,
  ...over,
});
const state = (over: Partial<DoorState> = {}): DoorState => ({ revoked: false, insideNow: 0, capacity: null, ...over });
const admitted = (over: Partial<PassState> = {}): PassState => ({
  ...emptyPassState(PID),
  admits: 1,
  firstAdmitAt: NOW - 60_000,
  lastAdmitAt: NOW - 60_000,
  lastAdmitWhere: "South door",
  lastAdmitDevice: "dev-b",
  inside: 1,
  ...over,
});
// null: the caller ran no signature check
const scan = (d: DecodeResult = decoded(), signature: VerifyResult | null = OK) =>
  signature ? { kind: "scan" as const, decoded: d, signature } : { kind: "scan" as const, decoded: d };

describe("decide: each verdict", () => {
  it("NOT_A_PASS for text that does not parse", () => {
    const r = decide(scan(decodePassText("https://example.com"), null), state(), settings());
    expect(r.verdict).toBe("NOT_A_PASS");
    expect(r.entryType).toBe("deny");
    expect(r.detail).toContain("BAD_PREFIX");
  });

  it("WRONG_EVENT from the pass itself, before any signature", () => {
    const r = decide(scan(decoded({ passId: PID, eventId: OTHER_EVENT }), null), state(), settings());
    expect(r.verdict).toBe("WRONG_EVENT");
    expect(r.detail).toContain(OTHER_EVENT);
  });

  it("UNKNOWN_KEY, FORGED, NOT_YET_VALID, EXPIRED from the signature check", () => {
    const cases: [VerifyResult, string][] = [
      [{ ok: false, reason: "UNKNOWN_KEY", detail: "k" }, "UNKNOWN_KEY"],
      [{ ok: false, reason: "BAD_SIGNATURE", detail: "s" }, "FORGED"],
      [{ ok: false, reason: "NOT_YET_VALID", detail: "f" }, "NOT_YET_VALID"],
      [{ ok: false, reason: "EXPIRED", detail: "e" }, "EXPIRED"],
    ];
    for (const [sig, verdict] of cases) {
      const r = decide(scan(decoded(), sig), state(), settings());
      expect(r.verdict).toBe(verdict);
      expect(r.passId).toBe(PID);
    }
  });

  it("a decoded pass with no signature check is never admitted", () => {
    expect(decide(scan(decoded(), null), state(), settings()).verdict).toBe("FORGED");
  });

  it("REVOKED from the revocation list or the roster flag", () => {
    expect(decide(scan(), state({ revoked: true }), settings()).verdict).toBe("REVOKED");
    expect(decide(scan(), state({ passRecord: rosterPass(PID, "Ann", "GA", { revoked: 1 }) }), settings()).verdict).toBe("REVOKED");
  });

  it("NOT_AT_THIS_DOOR when the tier is not on the list", () => {
    const r = decide(scan(decoded({ passId: PID, tier: "VIP" })), state(), settings({ tiers: ["GA"] }));
    expect(r.verdict).toBe("NOT_AT_THIS_DOOR");
    expect(decide(scan(decoded({ passId: PID, tier: "VIP" })), state(), settings({ tiers: ["GA", "VIP"] })).verdict).toBe("ADMIT");
  });

  it("ALREADY_IN says when and where", () => {
    const r = decide(scan(), state({ passState: admitted() }), settings());
    expect(r.verdict).toBe("ALREADY_IN");
    expect(r.previous).toEqual({ at: NOW - 60_000, where: "South door" });
    expect(r.detail).toContain("South door");
  });

  it("re-entry after an exit: allowed when the list allows it, ALREADY_IN otherwise", () => {
    const out = admitted({ exits: 1, lastExitAt: NOW - 30_000, inside: 0 });
    expect(decide(scan(), state({ passState: out }), settings({ reentry: true })).verdict).toBe("ADMIT");
    expect(decide(scan(), state({ passState: out }), settings({ reentry: false })).verdict).toBe("ALREADY_IN");
    // still inside (admitted again after the exit): never a second admission
    const backIn = admitted({ exits: 1, lastExitAt: NOW - 90_000, inside: 1 });
    expect(decide(scan(), state({ passState: backIn }), settings({ reentry: true })).verdict).toBe("ALREADY_IN");
  });

  it("FULL at capacity, ADMIT below it", () => {
    expect(decide(scan(), state({ insideNow: 100, capacity: 100 }), settings()).verdict).toBe("FULL");
    expect(decide(scan(), state({ insideNow: 101, capacity: 100 }), settings()).verdict).toBe("FULL");
    expect(decide(scan(), state({ insideNow: 99, capacity: 100 }), settings()).verdict).toBe("ADMIT");
  });

  it("ADMIT with the roster's name; a signed pass missing from the roster is admitted too", () => {
    const withName = decide(scan(), state({ passRecord: rosterPass(PID, "Ann Lee", "GA") }), settings());
    expect(withName).toMatchObject({ verdict: "ADMIT", holder: "Ann Lee", tier: "GA", passId: PID, entryType: "admit" });
    const unknown = decide(scan(), state(), settings());
    expect(unknown.verdict).toBe("ADMIT");
    expect(unknown.holder).toBeUndefined();
  });

  it("exit mode: EXITED when inside, NOT_INSIDE otherwise", () => {
    const exit = settings({ mode: "exit" });
    const r = decide(scan(), state({ passState: admitted() }), exit);
    expect(r).toMatchObject({ verdict: "EXITED", entryType: "exit" });
    expect(decide(scan(), state(), exit).verdict).toBe("NOT_INSIDE");
    expect(decide(scan(), state({ passState: admitted({ exits: 1, lastExitAt: NOW, inside: 0 }) }), exit).verdict).toBe("NOT_INSIDE");
    // a forged pass is still refused in exit mode; an expired genuine one may leave
    expect(decide(scan(decoded(), { ok: false, reason: "BAD_SIGNATURE", detail: "" }), state({ passState: admitted() }), exit).verdict).toBe("FORGED");
    expect(decide(scan(decoded(), { ok: false, reason: "EXPIRED", detail: "" }), state({ passState: admitted() }), exit).verdict).toBe("EXITED");
  });

  it("entry types follow verdicts", () => {
    expect(entryTypeOf("ADMIT")).toBe("admit");
    expect(entryTypeOf("EXITED")).toBe("exit");
    expect(entryTypeOf("ALREADY_IN")).toBe("deny");
    expect(entryTypeOf("NOT_INSIDE")).toBe("deny");
  });
});

describe("decide: the order", () => {
  it("WRONG_EVENT before a bad signature", () => {
    const r = decide(scan(decoded({ passId: PID, eventId: OTHER_EVENT }), { ok: false, reason: "BAD_SIGNATURE", detail: "" }), state(), settings());
    expect(r.verdict).toBe("WRONG_EVENT");
  });

  it("FORGED before REVOKED, window before REVOKED", () => {
    expect(decide(scan(decoded(), { ok: false, reason: "BAD_SIGNATURE", detail: "" }), state({ revoked: true }), settings()).verdict).toBe("FORGED");
    expect(decide(scan(decoded(), { ok: false, reason: "EXPIRED", detail: "" }), state({ revoked: true }), settings()).verdict).toBe("EXPIRED");
  });

  it("REVOKED before NOT_AT_THIS_DOOR before ALREADY_IN before FULL", () => {
    const everything = state({ revoked: true, passState: admitted(), insideNow: 10, capacity: 10 });
    const vip = decoded({ passId: PID, tier: "VIP" });
    expect(decide(scan(vip), everything, settings({ tiers: ["GA"] })).verdict).toBe("REVOKED");
    expect(decide(scan(vip), { ...everything, revoked: false }, settings({ tiers: ["GA"] })).verdict).toBe("NOT_AT_THIS_DOOR");
    expect(decide(scan(vip), { ...everything, revoked: false }, settings()).verdict).toBe("ALREADY_IN");
    expect(decide(scan(vip), { ...everything, revoked: false, passState: undefined }, settings()).verdict).toBe("FULL");
  });
});

describe("decide: manual admission by name", () => {
  const manual = { kind: "manual" as const, passId: PID };
  it("skips the signature but keeps every other rule", () => {
    const rec = rosterPass(PID, "Ann Lee", "VIP");
    expect(decide(manual, state({ passRecord: rec }), settings()).verdict).toBe("ADMIT");
    expect(decide(manual, state({ passRecord: rec, revoked: true }), settings()).verdict).toBe("REVOKED");
    expect(decide(manual, state({ passRecord: rec }), settings({ tiers: ["GA"] })).verdict).toBe("NOT_AT_THIS_DOOR");
    expect(decide(manual, state({ passRecord: rec, passState: admitted() }), settings()).verdict).toBe("ALREADY_IN");
    expect(decide(manual, state({ passRecord: rec, insideNow: 5, capacity: 5 }), settings()).verdict).toBe("FULL");
  });

  it("checks the roster's window and refuses a pass the roster does not hold", () => {
    const expired = rosterPass(PID, "Ann", "GA", { validUntil: NOW - 3_600_000 });
    expect(decide(manual, state({ passRecord: expired }), settings()).verdict).toBe("EXPIRED");
    const early = rosterPass(PID, "Ann", "GA", { validFrom: NOW + 3_600_000 });
    expect(decide(manual, state({ passRecord: early }), settings()).verdict).toBe("NOT_YET_VALID");
    expect(decide(manual, state(), settings()).verdict).toBe("NOT_A_PASS");
  });
});
