import { describe, expect, it } from "vitest";
import { csvCell, csvRecords, parseCsv, toCsv } from "../../src/sync/csv.js";

describe("parseCsv", () => {
  it("reads plain rows with and without a final line end", () => {
    expect(parseCsv("a,b\nc,d").rows).toEqual([["a", "b"], ["c", "d"]]);
    expect(parseCsv("a,b\nc,d\n").rows).toEqual([["a", "b"], ["c", "d"]]);
  });

  it("handles CRLF, lone CR and a byte-order mark", () => {
    const r = parseCsv("\uFEFFholder,tier\r\nAda,VIP\rBob,GA\r\n");
    expect(r.rows).toEqual([["holder", "tier"], ["Ada", "VIP"], ["Bob", "GA"]]);
    expect(r.lines).toEqual([1, 2, 3]);
  });

  it("keeps commas, doubled quotes and line breaks inside quoted fields", () => {
    const r = parseCsv('"Lovelace, Ada",VIP\n"Said ""hi""",GA\n"two\r\nlines",GA\nlast,GA');
    expect(r.rows).toEqual([["Lovelace, Ada", "VIP"], ['Said "hi"', "GA"], ["two\r\nlines", "GA"], ["last", "GA"]]);
    // the row after a two-line field starts on line 5
    expect(r.lines).toEqual([1, 2, 3, 5]);
  });

  it("keeps empty fields and skips blank lines", () => {
    expect(parseCsv("a,,c\n\n,b,\n").rows).toEqual([["a", "", "c"], ["", "b", ""]]);
    expect(parseCsv('"",x').rows).toEqual([["", "x"]]);
  });

  it("reports a quote that never closes instead of merging rows", () => {
    const r = parseCsv('Ada,VIP\n"Bob,GA\nCy,GA\n');
    expect(r.unterminatedQuoteAtLine).toBe(2);
    expect(r.rows).toEqual([["Ada", "VIP"]]);
  });

  it("round-trips fields written with csvCell", () => {
    const values = ["plain", "a,b", 'q"uote', "line\nbreak", "", " padded "];
    expect(parseCsv(values.map(csvCell).join(",")).rows).toEqual([values]);
  });
});

describe("csvRecords", () => {
  it("keys rows by the header in lower case, trimming values only when asked", () => {
    const text = "Holder, Tier \r\n Ada ,VIP\r\nBo,GA";
    expect(csvRecords(text)).toEqual([{ holder: " Ada ", tier: "VIP" }, { holder: "Bo", tier: "GA" }]);
    expect(csvRecords(text, { trimValues: true })[0]).toEqual({ holder: "Ada", tier: "VIP" });
    expect(csvRecords("")).toEqual([]);
  });
});

describe("csvCell", () => {
  it.each([
    ["=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\""],
    ["+1", "'+1"],
    ["-2", "'-2"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tTab", "'\tTab"],
    ["Ada", "Ada"],
  ])("neutralises %j as a formula", (input, written) => {
    expect(csvCell(input)).toBe(written);
  });

  it("leaves numbers as numbers, and empty for null", () => {
    expect(csvCell(-5)).toBe("-5");
    expect(csvCell(null)).toBe("");
    expect(csvCell(true)).toBe("true");
  });

  it("writes a document a spreadsheet reads back cell for cell", () => {
    const doc = toCsv(["holder", "note"], [["Lovelace, Ada", "said \"hi\"\nthen left"], ["=cmd", null]]);
    expect(doc.endsWith("\r\n")).toBe(true);
    expect(parseCsv(doc).rows).toEqual([["holder", "note"], ["Lovelace, Ada", 'said "hi"\nthen left'], ["'=cmd", ""]]);
  });
});
