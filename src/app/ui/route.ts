/** Client-side routes, by path. The server answers index.html for every non-API path. */
export type Route =
  | { name: "home" }
  | { name: "enroll"; code: string | null }
  | { name: "settings" }
  | { name: "not-found"; path: string };

export function parseRoute(pathname: string, search: string): Route {
  const path = pathname.replace(/\/+$/, "") || "/";
  if (path === "/") return { name: "home" };
  if (path === "/settings") return { name: "settings" };
  if (path === "/enroll") return { name: "enroll", code: new URLSearchParams(search).get("code") };
  // /enroll/CODE too: a QR of the link is shorter without the query string.
  const m = /^\/enroll\/([^/]+)$/.exec(path);
  if (m) return { name: "enroll", code: decodeURIComponent(m[1]!) };
  return { name: "not-found", path };
}

/**
 * An enrollment code from whatever was pasted or scanned: a full link (…/enroll?code=X or
 * …/enroll/X) or the bare code.
 */
export function enrollCodeFrom(input: string): string | null {
  const text = input.trim();
  if (!text) return null;
  try {
    const url = new URL(text);
    const route = parseRoute(url.pathname, url.search);
    return route.name === "enroll" ? route.code : null;
  } catch {
    return /^[A-Za-z0-9_-]+$/.test(text) ? text : null;
  }
}
