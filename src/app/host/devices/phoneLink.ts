import type { NetworkInfo } from "../../../sync/host.js";

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]", "::1"]);

/**
 * The enrollment link a phone should open. The server builds links from the address the console
 * was opened at; when that is this computer's own (localhost), a phone would be sent to itself,
 * so the link is re-rooted at this machine's network address. PUBLIC_URL, when set, already won.
 */
export function phoneEnrollUrl(serverUrl: string, consoleHost: string, network: NetworkInfo | null): { url: string; rerooted: boolean } {
  if (!network || network.publicUrl || !LOOPBACK.has(consoleHost) || network.origins.length === 0) return { url: serverUrl, rerooted: false };
  const u = new URL(serverUrl);
  return { url: network.origins[0] + u.pathname + u.search, rerooted: true };
}
