/**
 * The pull cursor is a version vector, {deviceId: highest seq served}. No global counter exists,
 * so a transaction that commits late cannot be skipped: each device's entries are served strictly
 * in seq order and only through its contiguous prefix. Encoded as base64url JSON so it stays
 * opaque to clients and safe in a query string.
 */
export type VersionVector = Record<string, number>;

export function encodeCursor(vector: VersionVector): string {
  const sorted = Object.fromEntries(Object.entries(vector).sort(([a], [b]) => (a < b ? -1 : 1)));
  return base64url(JSON.stringify(sorted));
}

export type CursorResult = { ok: true; vector: VersionVector } | { ok: false; message: string };

/** Never throws. An omitted or empty cursor means the beginning. */
export function decodeCursor(cursor: string | undefined | null): CursorResult {
  if (cursor === undefined || cursor === null || cursor === "") return { ok: true, vector: {} };
  const bad: CursorResult = { ok: false, message: "cursor is not one this server gave out; omit it to start from the beginning" };
  if (cursor.length > 200_000 || !/^[A-Za-z0-9_-]+$/.test(cursor)) return bad;
  let parsed: unknown;
  try {
    parsed = JSON.parse(unbase64url(cursor));
  } catch {
    return bad;
  }
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) return bad;
  const vector: VersionVector = {};
  for (const [k, v] of Object.entries(parsed as Record<string, unknown>)) {
    if (typeof v !== "number" || !Number.isInteger(v) || v < 0) return bad;
    vector[k] = v;
  }
  return { ok: true, vector };
}

function base64url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let bin = "";
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function unbase64url(text: string): string {
  const b64 = text.replace(/-/g, "+").replace(/_/g, "/");
  const bin = atob(b64 + "=".repeat((4 - (b64.length % 4)) % 4));
  return new TextDecoder("utf-8", { fatal: true }).decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
}
