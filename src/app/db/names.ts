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
