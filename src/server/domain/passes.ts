import { z } from "zod";
import { MAX_TIER_BYTES } from "../../pass/index.js";
import { MAX_ISSUE_PASSES } from "../../sync/index.js";
import { ApiError } from "../http/errors.js";
import type { Storage } from "../storage/port.js";
import { bumpRosterVersion } from "./events.js";
import { currentSigner } from "./keys.js";
import { randomHex } from "./secrets.js";

const passTime = z
  .number()
  .int()
  .min(0)
  .max(0xffffffff * 1000)
  .refine((v) => v % 1000 === 0, "must be a whole second in milliseconds (the pass stores seconds)");

export const newPassSchema = z
  .object({
    holder: z.string().trim().min(1).max(200),
    tier: z
      .string()
      .min(1)
      .refine((t) => Buffer.byteLength(t, "utf8") <= MAX_TIER_BYTES, `must be at most ${MAX_TIER_BYTES} bytes of UTF-8`),
    validFrom: passTime.optional(),
    validUntil: passTime.optional(),
    entitlements: z.record(z.string().min(1).max(64), z.number().int().min(1).max(1000)).optional(),
  })
  .refine((p) => p.validFrom === undefined || p.validUntil === undefined || p.validUntil > p.validFrom, {
    message: "validUntil must be after validFrom",
    path: ["validUntil"],
  });
export type NewPass = z.infer<typeof newPassSchema>;

export const issuePassesSchema = z.object({
  passes: z.array(newPassSchema).min(1).max(MAX_ISSUE_PASSES, `at most ${MAX_ISSUE_PASSES} passes per request`),
});

export interface IssuedPass {
  id: string;
  code: string;
  holder: string;
  tier: string;
}

/**
 * Signs and stores passes in one transaction with one roster version, so devices see the whole
 * batch or none of it. Ids are random 48-bit; a collision with an existing pass draws again.
 */
export async function issuePasses(storage: Storage, eventId: string, passes: NewPass[]): Promise<IssuedPass[]> {
  if (passes.length > MAX_ISSUE_PASSES) {
    throw new ApiError("TOO_MANY_PASSES", `At most ${MAX_ISSUE_PASSES} passes per request; split the list and send it in parts.`);
  }
  return storage.transaction(async (tx) => {
    const version = await bumpRosterVersion(tx, eventId);
    const signer = await currentSigner(tx, eventId);
    const now = Date.now();
    const out: IssuedPass[] = new Array(passes.length);
    let pending = passes.map((_, i) => i);
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt >= 10) throw new Error("could not draw free pass ids in 10 attempts");
      const drawn = new Set<string>();
      const rows = pending.map((i) => {
        let id = randomHex(6);
        while (drawn.has(id)) id = randomHex(6);
        drawn.add(id);
        const p = passes[i]!;
        const code = signer.sign({ eventId, passId: id, tier: p.tier, validFrom: p.validFrom, validUntil: p.validUntil });
        out[i] = { id, code, holder: p.holder, tier: p.tier };
        return {
          id,
          holder: p.holder,
          tier: p.tier,
          valid_from: p.validFrom ?? null,
          valid_until: p.validUntil ?? null,
          entitlements: p.entitlements ?? {},
          code,
        };
      });
      const inserted = await tx.query<{ id: string }>(
        `INSERT INTO passes (event_id, id, holder, tier, valid_from, valid_until, entitlements, kid, code, created_at, version)
         SELECT $1, r.id, r.holder, r.tier, r.valid_from, r.valid_until, r.entitlements, $2, r.code, $3, $4
         FROM jsonb_to_recordset($5::jsonb) AS r(id text, holder text, tier text, valid_from bigint, valid_until bigint, entitlements jsonb, code text)
         ON CONFLICT (event_id, id) DO NOTHING RETURNING id`,
        [eventId, signer.kid, now, version, JSON.stringify(rows)],
      );
      const stored = new Set(inserted.map((r) => r.id));
      pending = pending.filter((i) => !stored.has(out[i]!.id));
    }
    return out;
  });
}

export interface Revocation {
  id: string;
  revoked: true;
  revokedAt: number;
  reason: string | null;
}

/** Revoking twice keeps the first time and reason: the report compares scans against the first. */
export async function revokePass(storage: Storage, eventId: string, passId: string, reason: string | null): Promise<Revocation> {
  return storage.transaction(async (tx) => {
    const version = await bumpRosterVersion(tx, eventId);
    const rows = await tx.query<{ revoked_at: number | null; revoke_reason: string | null }>(
      "SELECT revoked_at, revoke_reason FROM passes WHERE event_id = $1 AND id = $2 FOR UPDATE",
      [eventId, passId],
    );
    const row = rows[0];
    if (!row) throw new ApiError("PASS_NOT_FOUND", `Event ${eventId} has no pass ${passId}; check the pass id.`);
    if (row.revoked_at !== null) return { id: passId, revoked: true, revokedAt: row.revoked_at, reason: row.revoke_reason };
    const revokedAt = Date.now();
    await tx.query("UPDATE passes SET revoked_at = $3, revoke_reason = $4, version = $5 WHERE event_id = $1 AND id = $2", [
      eventId,
      passId,
      revokedAt,
      reason,
      version,
    ]);
    return { id: passId, revoked: true, revokedAt, reason };
  });
}
