import { describe, expect, it } from "vitest";
import { generateSigningKey, signPass } from "../../../src/pass/sign.js";
import { holderPath, parseHolderLocation } from "../../../src/app/holder/link.js";
import { qrSvg, qrVersion } from "../../../src/app/holder/qr.js";
import { tokenFromHash } from "../../../src/app/host/auth/token.js";
import { gapWords } from "../../../src/app/host/devices/gaps.js";
import { phoneEnrollUrl } from "../../../src/app/host/devices/phoneLink.js";
import { fillBars, niceMax } from "../../../src/app/host/live/bars.js";
import { offsetWords, percent } from "../../../src/app/host/ui/format.js";
import { placeUrl, readPlace } from "../../../src/app/host/ui/nav.js";

// The longest pass there is: a 12-byte tier and a validity window.
const LONGEST = signPass(
  { eventId: "0123abcd", passId: "0123456789ab", tier: "ABCDEFGHIJKL", validFrom: 1_800_000_000_000, validUntil: 1_800_086_400_000 },
  generateSigningKey(new Uint8Array(32).fill(7)),
).text;

describe("holder links", () => {
  it("carry the pass text in the fragment and read it back", () => {
    const path = holderPath("0123456789ab", "DL:AB C%D+/");
    expect(path.startsWith("/p/0123456789ab#")).toBe(true);
    const [pathname, hash] = path.split("#") as [string, string];
    expect(parseHolderLocation(pathname, `#${hash}`)).toEqual({ passId: "0123456789ab", code: "DL:AB C%D+/" });
    expect(parseHolderLocation("/p/0123456789ab", "")).toEqual({ passId: "0123456789ab", code: null });
    expect(parseHolderLocation("/p/%E0%A4%A", "#%E0%A4%A")).toEqual({ passId: null, code: null });
  });
});

describe("QR images", () => {
  it("encode a full-length pass text as alphanumeric within version 7 at level M", async () => {
    const text = LONGEST;
    expect(qrVersion(text)).toBeLessThanOrEqual(7);
    expect(await qrSvg(text)).toMatch(/^<svg/);
    // the same text forced into byte mode would need more: alphanumeric is what keeps it small
    expect(qrVersion(text.toLowerCase())).toBeGreaterThan(7);
  });
});

describe("host token in the sign-in link", () => {
  it("is read from the fragment only", () => {
    expect(tokenFromHash("#token=abc-DEF_123")).toBe("abc-DEF_123");
    expect(tokenFromHash("#other=1")).toBeNull();
    expect(tokenFromHash("")).toBeNull();
  });
});

describe("console places", () => {
  it("round-trip through the query string, defaulting to setup", () => {
    expect(readPlace(new URL(`http://x${placeUrl({ eventId: "e1", tab: "live" })}`).search)).toEqual({ eventId: "e1", tab: "live" });
    expect(readPlace("?event=e1&tab=nonsense")).toEqual({ eventId: "e1", tab: "setup" });
    expect(placeUrl({ eventId: null, tab: "live" })).toBe("/host");
  });
});

describe("device gaps in words", () => {
  it("separates missing entries from those waiting behind them", () => {
    expect(gapWords({ ackedThroughSeq: 10, maxSeq: 10, heldBehindGap: 0 })).toBe("nothing");
    expect(gapWords({ ackedThroughSeq: 10, maxSeq: 15, heldBehindGap: 3 })).toBe("2 entries missing after #10, 3 waiting behind the gap");
    expect(gapWords({ ackedThroughSeq: 4, maxSeq: 6, heldBehindGap: 1 })).toBe("1 entry missing after #4, 1 waiting behind the gap");
  });
});

describe("arrival bars", () => {
  const B = 300_000;
  it("fill quiet slots with zero and keep only the most recent", () => {
    expect(fillBars([{ start: 0, count: 2 }, { start: 3 * B, count: 1 }], B)).toEqual([
      { start: 0, count: 2 },
      { start: B, count: 0 },
      { start: 2 * B, count: 0 },
      { start: 3 * B, count: 1 },
    ]);
    expect(fillBars([{ start: 0, count: 1 }, { start: 100 * B, count: 1 }], B, 10)).toHaveLength(10);
    expect(fillBars([], B)).toEqual([]);
  });
  it("round the axis up", () => {
    expect([0, 1, 3, 7, 10, 11, 480].map(niceMax)).toEqual([1, 1, 5, 10, 10, 20, 500]);
  });
});

describe("words for figures", () => {
  it("say fast or slow, and no percentage of nothing", () => {
    expect(offsetWords(null)).toBe("unknown");
    expect(offsetWords(800)).toBe("in step");
    expect(offsetWords(-125_000)).toBe("2 min 5 s fast");
    expect(offsetWords(30_000)).toBe("30 s slow");
    expect(percent(1, 0)).toBe("—");
    expect(percent(1, 3)).toBe("33%");
  });
});

describe("phone enrollment links", () => {
  const net = { publicUrl: null, secure: true, origins: ["https://192.168.1.20:8443"] };
  it("point a phone at this machine's network address when the console runs on localhost", () => {
    expect(phoneEnrollUrl("https://localhost:8443/enroll?code=AB-CD", "localhost", net)).toEqual({ url: "https://192.168.1.20:8443/enroll?code=AB-CD", rerooted: true });
  });
  it("stay as the server made them otherwise", () => {
    expect(phoneEnrollUrl("https://door.example.org/enroll?code=X", "localhost", { ...net, publicUrl: "https://door.example.org" }).rerooted).toBe(false);
    expect(phoneEnrollUrl("https://192.168.1.20:8443/enroll?code=X", "192.168.1.20", net).rerooted).toBe(false);
    expect(phoneEnrollUrl("http://localhost:8080/enroll?code=X", "localhost", { ...net, origins: [] }).rerooted).toBe(false);
    expect(phoneEnrollUrl("http://localhost:8080/enroll?code=X", "localhost", null).rerooted).toBe(false);
  });
});
