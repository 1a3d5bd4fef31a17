/**
 * From parsed CSV rows to a preview: which rows will become passes and, for every other row, the
 * reason in words. Nothing is issued from here; the host reads the preview first.
 */
import { MAX_TIER_BYTES } from "../../../pass/index.js";
import { parseCsv } from "../../../sync/csv.js";

export interface RosterRow {
  /** 1-based line in the file, what a spreadsheet user looks for */
  line: number;
  holder: string;
  tier: string;
  email: string;
}

export interface RowProblem {
  line: number;
  /** what the row said, so the host recognises it */
  holder: string;
  tier: string;
  problems: string[];
}

export interface RosterPreview {
  valid: RosterRow[];
  invalid: RowProblem[];
  /** problems with the file as a whole (an open quote, no rows) */
  fileProblems: string[];
  hadHeader: boolean;
}

// The server holds holders to this length; saying so here beats a 400 halfway through a batch.
export const MAX_HOLDER_LENGTH = 200;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const HOLDER_HEADERS = ["holder", "name", "full name", "guest", "attendee"];
const TIER_HEADERS = ["tier", "ticket", "ticket type", "type"];
const EMAIL_HEADERS = ["email", "e-mail", "mail", "email address", "e-mail address"];

const byteLength = (s: string) => new TextEncoder().encode(s).length;
const norm = (s: string) => s.trim().toLowerCase();

interface Columns {
  holder: number;
  tier: number;
  email: number;
}

function headerColumns(first: string[]): Columns | null {
  const names = first.map(norm);
  const find = (options: string[]) => names.findIndex((n) => options.includes(n));
  const holder = find(HOLDER_HEADERS);
  const tier = find(TIER_HEADERS);
  if (holder < 0 || tier < 0) return null;
  return { holder, tier, email: find(EMAIL_HEADERS) };
}

/**
 * `knownTiers`: the event's tiers. When the event has none yet, any tier that fits a pass is
 * accepted (and gets no entitlements); when it has some, a tier outside them is an error,
 * because it is almost always a typo that would otherwise become a pass nobody's door admits.
 */
export function previewRoster(text: string, knownTiers: readonly string[]): RosterPreview {
  const parsed = parseCsv(text);
  const fileProblems: string[] = [];
  if (text.includes("\uFFFD")) {
    // What a file saved in a legacy encoding (Excel's "CSV" on Windows) looks like once read as UTF-8.
    fileProblems.push("Some characters in the file could not be read (shown as �). Save it as “CSV UTF-8” and import it again, or names will be misspelt.");
  }
  if (parsed.unterminatedQuoteAtLine !== null) {
    fileProblems.push(`A quote opened on line ${parsed.unterminatedQuoteAtLine} is never closed; fix it in the file and import again.`);
  }
  const header = parsed.rows[0] ? headerColumns(parsed.rows[0]) : null;
  const cols: Columns = header ?? { holder: 0, tier: 1, email: 2 };
  const start = header ? 1 : 0;
  const tierSet = new Set(knownTiers);
  const seen = new Map<string, number>();
  const valid: RosterRow[] = [];
  const invalid: RowProblem[] = [];

  for (let i = start; i < parsed.rows.length; i++) {
    const cells = parsed.rows[i]!;
    const line = parsed.lines[i]!;
    const holder = (cells[cols.holder] ?? "").trim();
    const tier = (cells[cols.tier] ?? "").trim();
    const email = cols.email >= 0 ? (cells[cols.email] ?? "").trim() : "";
    const problems: string[] = [];
    if (holder === "") problems.push("the holder's name is empty");
    else if (holder.length > MAX_HOLDER_LENGTH) problems.push(`the holder's name is longer than ${MAX_HOLDER_LENGTH} characters`);
    if (tier === "") problems.push("the tier is empty");
    else if (byteLength(tier) > MAX_TIER_BYTES) problems.push(`the tier "${tier}" is longer than ${MAX_TIER_BYTES} bytes, which a pass cannot hold`);
    else if (tierSet.size > 0 && !tierSet.has(tier)) problems.push(`the tier "${tier}" is not one of this event's tiers (${[...tierSet].join(", ")})`);
    if (email !== "" && !EMAIL.test(email)) problems.push(`"${email}" is not an e-mail address`);
    if (problems.length === 0) {
      const key = `${norm(holder)}\u0000${tier}\u0000${norm(email)}`;
      const first = seen.get(key);
      if (first !== undefined) problems.push(`it repeats line ${first}`);
      else seen.set(key, line);
    }
    if (problems.length > 0) invalid.push({ line, holder, tier, problems });
    else valid.push({ line, holder, tier, email });
  }
  if (valid.length === 0 && invalid.length === 0 && fileProblems.length === 0) {
    fileProblems.push("The file has no rows. Each row needs a holder's name and a tier, e.g. “Ada Lovelace,VIP”.");
  }
  return { valid, invalid, fileProblems, hadHeader: header !== null };
}

/**
 * Splits a list into requests of at most `maxCount` items and at most `maxBytes` of JSON each:
 * the API takes 10,000 passes per request but no body over 2 MiB, and 10,000 long names with
 * entitlements can exceed that.
 */
export function chunkForRequests<T>(items: readonly T[], maxCount: number, maxBytes: number): T[][] {
  const out: T[][] = [];
  let current: T[] = [];
  // Room for {"passes":[ … ]} around the items.
  let size = 16;
  for (const item of items) {
    const itemBytes = new TextEncoder().encode(JSON.stringify(item)).length + 1;
    if (current.length > 0 && (current.length >= maxCount || size + itemBytes > maxBytes)) {
      out.push(current);
      current = [];
      size = 16;
    }
    current.push(item);
    size += itemBytes;
  }
  if (current.length > 0) out.push(current);
  return out;
}
