import { canonicalJson, checkEntry, MAX_PUSH_ENTRIES, sameEntry, type Entry } from "../../sync/index.js";
import { ApiError } from "../http/errors.js";
import type { Sql, Storage } from "../storage/port.js";
import type { DeviceAuth } from "./devices.js";

export interface PushOutcome {
  /** highest seq through which every entry of this device is stored */
  ackedThroughSeq: number;
  /** entries stored by this push */
  accepted: number;
  /** entries already stored with the same content (a retry), not stored again */
  duplicates: number;
}

/**
 * Checks a whole batch before anything touches the database: one bad entry rejects the batch
 * and nothing of it is stored, so a device never has to work out which half went through.
 */
export function validateBatch(device: DeviceAuth, raw: unknown): { entries: Entry[]; repeats: number } {
  if (!Array.isArray(raw)) throw new ApiError("INVALID_BODY", "entries: expected an array of entries; send {\"entries\": [...]}.");
  if (raw.length > MAX_PUSH_ENTRIES) {
    throw new ApiError("TOO_MANY_ENTRIES", `A push takes at most ${MAX_PUSH_ENTRIES} entries and this one has ${raw.length}; send them in smaller batches.`);
  }
  const bySeq = new Map<number, Entry>();
  const seqOfId = new Map<string, number>();
  let repeats = 0;
  raw.forEach((input, index) => {
    const rawId = input && typeof input === "object" && typeof (input as { id?: unknown }).id === "string" ? (input as { id: string }).id.slice(0, 64) : null;
    const name = `Entry ${index}${rawId ? ` (id ${JSON.stringify(rawId)})` : ""}`;
    const checked = checkEntry(input);
    if (!checked.ok) throw new ApiError("INVALID_ENTRY", `${name} is malformed: ${checked.message}. Nothing of this batch was stored.`);
    const entry = checked.entry;
    if (entry.deviceId !== device.id) {
      throw new ApiError(
        "DEVICE_MISMATCH",
        `${name} says deviceId ${JSON.stringify(entry.deviceId)} but this token belongs to device ${device.id}; a device pushes only its own entries. Nothing of this batch was stored.`,
      );
    }
    const earlier = bySeq.get(entry.seq);
    if (earlier) {
      if (!sameEntry(earlier, entry)) {
        throw new ApiError("SEQ_CONFLICT", `${name} reuses seq ${entry.seq} of an earlier entry in this batch with other content; each seq names one entry. Nothing of this batch was stored.`);
      }
      repeats++;
      return;
    }
    const otherSeq = seqOfId.get(entry.id);
    if (otherSeq !== undefined) {
      throw new ApiError("DUPLICATE_ENTRY_ID", `${name} has the same id as the entry with seq ${otherSeq}; entry ids must be unique. Nothing of this batch was stored.`);
    }
    seqOfId.set(entry.id, entry.seq);
    bySeq.set(entry.seq, entry);
  });
  return { entries: [...bySeq.values()].sort((a, b) => a.seq - b.seq), repeats };
}

interface DeviceState {
  contiguous_seq: number;
  max_seq: number;
  held_count: number;
}

/**
 * Stores a validated batch. Every write of one device happens under a lock on its device row
 * (SELECT … FOR UPDATE), so its entries and its contiguous_seq change together, in one
 * transaction, in seq order: pull can then serve "through contiguous_seq" from one snapshot
 * and never miss an entry that commits late. Inserts are one statement per batch.
 */
export async function pushEntries(
  storage: Storage,
  device: DeviceAuth,
  raw: unknown,
  contact: { now: number; clockOffsetMs: number | null },
): Promise<PushOutcome> {
  const { entries, repeats } = validateBatch(device, raw);
  return storage.transaction(async (tx) => {
    const locked = await tx.query<DeviceState>(
      "SELECT contiguous_seq, max_seq, held_count FROM devices WHERE id = $1 AND revoked_at IS NULL FOR UPDATE",
      [device.id],
    );
    const before = locked[0];
    if (!before) throw new ApiError("UNAUTHENTICATED", "This device has been revoked; enroll it again with a new code from the host.");

    let inserted: number[] = [];
    if (entries.length > 0) {
      // One statement per batch. The batch goes in as one JSON array whose elements become the
      // stored bodies directly; measured on PGlite, this costs about half the CPU per row of
      // unnest() over text arrays, which must escape and re-parse every body. ON CONFLICT DO
      // NOTHING skips both retries and clashes; the skipped ones are examined below.
      const done = await tx.query<{ seq: number }>(
        `INSERT INTO entries (event_id, device_id, seq, id, type, at, pass_id, body, received_at)
         SELECT $1, $2, (x->>'seq')::integer, x->>'id', x->>'type', (x->>'at')::bigint, x->>'passId', x, $3
         FROM jsonb_array_elements($4::jsonb) AS x
         ON CONFLICT DO NOTHING RETURNING seq`,
        [device.eventId, device.id, contact.now, JSON.stringify(entries)],
      );
      inserted = done.map((r) => r.seq).sort((a, b) => a - b);
      if (inserted.length < entries.length) await checkSkipped(tx, device, entries, new Set(inserted));
    }

    const after = await advance(tx, device, before, inserted);
    await tx.query(
      `UPDATE devices SET contiguous_seq = $2, max_seq = $3, held_count = $4, last_sync_at = $5, clock_offset_ms = COALESCE($6, clock_offset_ms)
       WHERE id = $1`,
      [device.id, after.contiguous_seq, after.max_seq, after.held_count, contact.now, contact.clockOffsetMs],
    );
    return { ackedThroughSeq: after.contiguous_seq, accepted: inserted.length, duplicates: entries.length - inserted.length + repeats };
  });
}

/** A skipped entry is a retry only if the stored one is identical; anything else is a 409 and rolls the batch back. */
// Canonical JSON only here, off the common path: a retry is rare, and sorting keys costs more per
// entry than storing it does.
async function checkSkipped(tx: Sql, device: DeviceAuth, entries: Entry[], inserted: Set<number>): Promise<void> {
  const skipped = entries.filter((e) => !inserted.has(e.seq)).map((e) => ({ e, body: canonicalJson(e) }));
  const stored = await tx.query<{ seq: number; body: unknown }>(
    "SELECT seq, body FROM entries WHERE event_id = $1 AND device_id = $2 AND seq = ANY($3::integer[])",
    [device.eventId, device.id, skipped.map(({ e }) => e.seq)],
  );
  const bodyAt = new Map(stored.map((r) => [r.seq, canonicalJson(r.body)]));
  for (const { e, body } of skipped) {
    const existing = bodyAt.get(e.seq);
    if (existing === undefined) {
      throw new ApiError(
        "ENTRY_ID_CONFLICT",
        `Entry id ${JSON.stringify(e.id)} (seq ${e.seq}) is already used by another entry of this event; entry ids must be unique. Nothing of this batch was stored.`,
      );
    }
    if (existing !== body) {
      throw new ApiError(
        "SEQ_CONFLICT",
        `Seq ${e.seq} of device ${device.id} is already stored with other content (entry ${JSON.stringify(e.id)}); the stored entry is kept. Nothing of this batch was stored.`,
      );
    }
  }
}

/** The new contiguous prefix. The common case (no gap before or after) needs no query. */
async function advance(tx: Sql, device: DeviceAuth, before: DeviceState, inserted: number[]): Promise<DeviceState> {
  if (inserted.length === 0) return before;
  const first = inserted[0]!;
  const last = inserted[inserted.length - 1]!;
  const dense = last - first + 1 === inserted.length;
  if (before.held_count === 0 && dense && first === before.contiguous_seq + 1) {
    return { contiguous_seq: last, max_seq: Math.max(before.max_seq, last), held_count: 0 };
  }
  // Gaps and islands: above the old prefix, seq - row_number() stays equal to the old prefix
  // exactly along the run that extends it.
  const rows = await tx.query<{ contiguous: number; above: number; max_seq: number }>(
    `WITH above AS (
       SELECT seq, seq - row_number() OVER (ORDER BY seq) AS g FROM entries
       WHERE event_id = $1 AND device_id = $2 AND seq > $3)
     SELECT COALESCE(MAX(seq) FILTER (WHERE g = $3), $3)::integer AS contiguous,
            COUNT(*)::integer AS above, COALESCE(MAX(seq), $3)::integer AS max_seq
     FROM above`,
    [device.eventId, device.id, before.contiguous_seq],
  );
  const r = rows[0]!;
  return { contiguous_seq: r.contiguous, max_seq: Math.max(before.max_seq, r.max_seq), held_count: r.above - (r.contiguous - before.contiguous_seq) };
}
