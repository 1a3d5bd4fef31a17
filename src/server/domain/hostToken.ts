import type { Storage } from "../storage/port.js";
import { hashSecret, newToken } from "./secrets.js";

export interface HostCredential {
  /** SHA-256 of the host token; the token itself is never stored. */
  hash: string;
  /** Set only on the start that made the token, so the caller can print it once. */
  newToken?: string;
}

/**
 * HOST_TOKEN from the environment wins and is not stored. Otherwise the first start makes one;
 * ON CONFLICT makes two processes starting together agree on a single token (the loser reads
 * the winner's hash and prints nothing).
 */
export async function ensureHostToken(storage: Storage, fromEnv: string | undefined): Promise<HostCredential> {
  if (fromEnv) return { hash: hashSecret(fromEnv) };
  const token = newToken();
  const made = await storage.query<{ value: string }>(
    "INSERT INTO settings (key, value) VALUES ('host_token_sha256', $1) ON CONFLICT (key) DO NOTHING RETURNING value",
    [hashSecret(token)],
  );
  if (made[0]) return { hash: made[0].value, newToken: token };
  const rows = await storage.query<{ value: string }>("SELECT value FROM settings WHERE key = 'host_token_sha256'");
  return { hash: rows[0]!.value };
}
