/**
 * The host token on this browser only: localStorage, never a cookie (nothing sends it by itself)
 * and never the URL once read. The first-start link carries it in the fragment (#token=…), which
 * browsers do not send to the server or put in Referer; we read it and remove it from the address
 * bar and the history entry at once, so a screenshot or a shared link does not leak it.
 */
const KEY = "doorlist.hostToken";

export function readToken(): string | null {
  try {
    return localStorage.getItem(KEY);
  } catch {
    return null;
  }
}

export function storeToken(token: string): void {
  localStorage.setItem(KEY, token);
}

export function forgetToken(): void {
  localStorage.removeItem(KEY);
}

/** The token from a fragment like "#token=abc", or null. */
export function tokenFromHash(hash: string): string | null {
  const params = new URLSearchParams(hash.replace(/^#/, ""));
  const token = params.get("token")?.trim();
  return token ? token : null;
}

/** Takes the token out of the current URL without adding a history entry. */
export function scrubTokenFromUrl(): void {
  const url = new URL(window.location.href);
  if (!tokenFromHash(url.hash)) return;
  url.hash = "";
  window.history.replaceState(window.history.state, "", url.pathname + url.search);
}
