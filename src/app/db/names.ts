/**
 * Holder names as the search index sees them: lower-case, without diacritics, single spaces.
 * "José  Núñez" and "jose nunez" are the same key, so staff can type what they hear.
 */
export function normalizeName(name: string): string {
  return name
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/**
 * Every suffix of the normalized name that starts a word. Stored in a multi-entry index so a
 * prefix query matches the start of any word: "lop" and "maria l" both find "Ana María López".
 */
export function nameKeys(name: string): string[] {
  const norm = normalizeName(name);
  if (norm === "") return [];
  const keys = [norm];
  for (let i = norm.indexOf(" "); i !== -1; i = norm.indexOf(" ", i + 1)) keys.push(norm.slice(i + 1));
  return keys;
}

/**
 * Name search from v4 on. A multi-entry index of word suffixes made every pass cost one IndexedDB
 * index entry per word, and with the tier index that was most of a 100,000-pass roster load. A roster
 * page now stores its names as ONE record: a text of lines "<id>\t<normalized name>\n", written in the
 * page's transaction. A search reads those few records and scans them with indexOf, which is a few
 * milliseconds for 100,000 names. A pass sent again (renamed, revoked, re-tiered) appears in a newer
 * block as well; readers take the newest line per id and check the pass record itself.
 */
export interface NameBlock {
  /** auto-increment: a higher block is newer */
  block?: number;
  text: string;
  /** the tiers of the block's passes, so the tier list needs no index over every pass either */
  tiers: string[];
}

/** One block for some passes. Ids never hold tabs or newlines (the API's ids are 12 hex digits). */
export function nameBlock(passes: readonly { id: string; holder: string; tier: string }[]): NameBlock {
  let text = "";
  const tiers = new Set<string>();
  for (const p of passes) {
    text += `${p.id}\t${normalizeName(p.holder)}\n`;
    tiers.add(p.tier);
  }
  return { text, tiers: [...tiers] };
}

/** Whether a normalized name has a word from which the normalized query starts ("maria l" in "ana maria lopez"). */
export function nameMatches(norm: string, q: string): boolean {
  return q !== "" && (norm.startsWith(q) || norm.includes(` ${q}`));
}

/**
 * Candidates for a normalized query: every (id, normalized name) whose name matches, newest block
 * first and one per id. An older line of a renamed pass can still match, so callers check each
 * candidate against its pass record (app.ts does); skipping such lines here would mean listing
 * every id of every newer block on each keystroke, which tripled the time of a search.
 */
export function searchNameBlocks(blocks: readonly NameBlock[], q: string): { id: string; name: string }[] {
  if (q === "") return [];
  const seen = new Set<string>();
  const out: { id: string; name: string }[] = [];
  const ordered = [...blocks].sort((a, b) => (b.block ?? 0) - (a.block ?? 0));
  for (const { text } of ordered) {
    // A name starts right after the tab; a later word right after a space. Neither can sit inside an id.
    for (const needle of [`\t${q}`, ` ${q}`]) {
      for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) {
        const start = text.lastIndexOf("\n", at) + 1;
        const tab = text.indexOf("\t", start);
        const id = text.slice(start, tab);
        if (seen.has(id)) continue;
        seen.add(id);
        const end = text.indexOf("\n", at);
        out.push({ id, name: text.slice(tab + 1, end === -1 ? text.length : end) });
      }
    }
  }
  return out;
}
