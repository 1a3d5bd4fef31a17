/**
 * RFC 4180 CSV, as spreadsheets actually write it: quoted fields with commas, doubled quotes and
 * line breaks inside, CRLF or LF or lone CR line ends, a UTF-8 byte-order mark in front (Excel
 * adds one), and a last line with or without its line end. Pure and total: any text gives rows,
 * and a quote left open is reported rather than guessed at, because a silently merged row would
 * issue a pass to the wrong name.
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

/** One field for a CSV we write: quoted when it must be, so names with commas survive a round trip. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
