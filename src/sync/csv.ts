/**
 * CSV, read and written the same way everywhere: the host console's roster import, the CLI, the
 * server's exports and the tests. Pure, no I/O, so the browser and Node share it.
 *
 * Reading follows RFC 4180 as spreadsheets actually write it: quoted fields with commas, doubled
 * quotes and line breaks inside, CRLF or LF or lone CR line ends, a UTF-8 byte-order mark in front
 * (Excel adds one), a last line with or without its line end. A quote left open is reported rather
 * than guessed at, because a silently merged row would issue a pass to the wrong name.
 */
export interface CsvParse {
  rows: string[][];
  /** 1-based line numbers where each row starts, for row-level error messages */
  lines: number[];
  /** set when the text ends inside a quoted field */
  unterminatedQuoteAtLine: number | null;
}

export function parseCsv(input: string, delimiter = ","): CsvParse {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const rows: string[][] = [];
  const lines: number[] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  let fieldStarted = false;
  let openQuoteLine = 0;

  const endField = () => {
    row.push(field);
    field = "";
    fieldStarted = false;
  };
  const endRow = () => {
    endField();
    // A blank line is not a row: spreadsheets leave them at the end, people leave them between.
    if (!(row.length === 1 && row[0] === "")) {
      rows.push(row);
      lines.push(rowLine);
    }
    row = [];
  };

  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          quoted = false;
        }
      } else {
        if (ch === "\n" || (ch === "\r" && text[i + 1] !== "\n")) line++;
        field += ch;
      }
      continue;
    }
    if (ch === '"' && !fieldStarted) {
      quoted = true;
      fieldStarted = true;
      openQuoteLine = line;
    } else if (ch === delimiter) {
      endField();
    } else if (ch === "\r" || ch === "\n") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      endRow();
      line++;
      rowLine = line;
    } else {
      // A quote inside an unquoted field is kept as written, as spreadsheets do.
      field += ch;
      fieldStarted = true;
    }
  }
  if (quoted) return { rows, lines, unterminatedQuoteAtLine: openQuoteLine };
  if (fieldStarted || row.length > 0) endRow();
  return { rows, lines, unterminatedQuoteAtLine: null };
}

/**
 * Rows of named fields, keyed by the header row's names in lower case. Values are kept exactly
 * as written unless `trimValues` (hand-made rosters carry stray spaces; exports do not).
 */
export function csvRecords(text: string, opts: { trimValues?: boolean } = {}): Record<string, string>[] {
  const [head, ...body] = parseCsv(text).rows;
  if (!head) return [];
  const names = head.map((h) => h.trim().toLowerCase());
  const value = opts.trimValues ? (v: string) => v.trim() : (v: string) => v;
  return body.map((r) => Object.fromEntries(names.map((n, i) => [n, value(r[i] ?? "")])));
}

/**
 * One cell of a CSV we write. A text a spreadsheet would run as a formula (=, +, -, @, or a
 * leading tab or CR) gets a single quote in front, as OWASP advises: holder names and entry data
 * come from outside and are opened by hosts in spreadsheets. Then RFC 4180 quoting, also for
 * leading or trailing spaces so they survive the round trip.
 */
export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return "";
  let s = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A whole CSV document: header, rows, CRLF line ends (what spreadsheets expect). */
export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | boolean | null | undefined)[])[]): string {
  return [header, ...rows].map((r) => r.map(csvCell).join(",")).join("\r\n") + "\r\n";
}
