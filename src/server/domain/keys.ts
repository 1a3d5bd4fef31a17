import { fromHex, toHex } from "../../pass/index.js";
import { generateSigningKey, type SigningKey } from "../../pass/sign.js";
import { ApiError } from "../http/errors.js";
import type { Sql, Storage } from "../storage/port.js";
import { bumpRosterVersion } from "./events.js";
import { PassSigner } from "./signer.js";

export interface EventKey {
  kid: string;
  /** 32 raw bytes, hex */
  publicKey: string;
  createdAt: number;
  retiredAt: number | null;
}

interface KeyRow {
  kid: string;
  public_key: string;
  created_at: number;
  retired_at: number | null;
}

const toKey = (r: KeyRow): EventKey => ({ kid: r.kid, publicKey: r.public_key, createdAt: r.created_at, retiredAt: r.retired_at });

/** A fresh key pair for the event. Key ids are derived, so a (rare) collision with a listed key draws again. */
export async function insertNewKey(tx: Sql, eventId: string, version: number): Promise<EventKey> {
  for (let attempt = 0; attempt < 10; attempt++) {
    const key = generateSigningKey();
    const rows = await tx.query<KeyRow>(
      `INSERT INTO event_keys (event_id, kid, public_key, secret_key, created_at, version) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (event_id, kid) DO NOTHING RETURNING kid, public_key, created_at, retired_at`,
      [eventId, key.kid, toHex(key.publicKey), toHex(key.secretKey), Date.now(), version],
    );
    if (rows[0]) return toKey(rows[0]);
  }
  throw new Error("could not draw a key with a free key id in 10 attempts");
}

export async function listKeys(sql: Sql, eventId: string): Promise<EventKey[]> {
  const rows = await sql.query<KeyRow>(
    "SELECT kid, public_key, created_at, retired_at FROM event_keys WHERE event_id = $1 ORDER BY created_at, kid",
    [eventId],
  );
  return rows.map(toKey);
}

/** Adds a key that signs every pass issued from now on; passes signed by older keys stay valid. */
export async function rotateKey(storage: Storage, eventId: string): Promise<EventKey> {
  return storage.transaction(async (tx) => insertNewKey(tx, eventId, await bumpRosterVersion(tx, eventId)));
}

/** Retires a key: devices drop it at their next roster sync and passes it signed stop verifying. */
export async function retireKey(storage: Storage, eventId: string, kid: string): Promise<EventKey> {
  return storage.transaction(async (tx) => {
    const version = await bumpRosterVersion(tx, eventId);
    const keys = await tx.query<KeyRow>("SELECT kid, public_key, created_at, retired_at FROM event_keys WHERE event_id = $1", [eventId]);
    const key = keys.find((k) => k.kid === kid);
    if (!key) throw new ApiError("KEY_NOT_FOUND", `Event ${eventId} has no key ${kid}; list its keys with GET /api/v1/events/${eventId}/keys.`);
    if (key.retired_at !== null) return toKey(key);
    if (!keys.some((k) => k.kid !== kid && k.retired_at === null)) {
      throw new ApiError("LAST_ACTIVE_KEY", `Key ${kid} is the event's only active key; rotate to a new key first, then retire this one.`);
    }
    const rows = await tx.query<KeyRow>(
      "UPDATE event_keys SET retired_at = $3, version = $4 WHERE event_id = $1 AND kid = $2 RETURNING kid, public_key, created_at, retired_at",
      [eventId, kid, Date.now(), version],
    );
    return toKey(rows[0]!);
  });
}

/**
 * The newest active key signs; the secret is read here and nowhere else. An active key's version
 * is the one it was made at (only retiring changes it), so the highest version is the newest key.
 */
export async function currentSigner(sql: Sql, eventId: string): Promise<PassSigner> {
  const rows = await sql.query<{ kid: string; public_key: string; secret_key: string }>(
    `SELECT kid, public_key, secret_key FROM event_keys WHERE event_id = $1 AND retired_at IS NULL
     ORDER BY version DESC LIMIT 1`,
    [eventId],
  );
  const row = rows[0];
  if (!row) throw new Error(`event ${eventId} has no active key`);
  const key: SigningKey = { kid: row.kid, publicKey: fromHex(row.public_key)!, secretKey: fromHex(row.secret_key)! };
  return new PassSigner(key);
}
