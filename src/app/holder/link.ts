/**
 * The holder page's address: /p/<passId>#<pass text>. The pass text rides in the fragment, which
 * the browser never sends to the server, so opening the link needs no API call (and no host
 * token) and the page can render the QR with the network off. The page also keeps the text in
 * localStorage, so /p/<passId> alone works again on that phone after the first visit.
 */
export function holderPath(passId: string, code: string): string {
  // A fragment may hold the rest of base45's alphabet as is; escaping only these keeps links short.
  return `/p/${encodeURIComponent(passId)}#${code.replace(/[% #]/g, (c) => encodeURIComponent(c))}`;
}

/** The pass id and pass text from a holder URL's path and fragment; the text may be absent. */
export function parseHolderLocation(pathname: string, hash: string): { passId: string | null; code: string | null } {
  const m = /^\/p\/([^/]+)\/?$/.exec(pathname);
  const passId = m ? safeDecode(m[1]!) : null;
  const raw = hash.replace(/^#/, "");
  const code = raw ? safeDecode(raw) : null;
  return { passId, code: code && code.trim() ? code.trim() : null };
}

function safeDecode(s: string): string | null {
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
}
