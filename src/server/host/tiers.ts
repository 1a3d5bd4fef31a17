/**
 * An event's tiers and their entitlements. The schema has no tier table, and a migration belongs
 * to the server core, so tiers live as one JSON value in the settings table, keyed by event. They
 * are a host-side convenience: each pass still carries its own entitlements, copied from its tier
 * at issue time, so changing a tier later never changes what an issued pass entitles.
 */
import { z } from "zod";
import { MAX_TIER_BYTES } from "../../pass/index.js";
import type { TierSetting } from "../../sync/host.js";
import type { Sql } from "../storage/port.js";

export const tiersSchema = z.object({
  tiers: z
    .array(
      z.object({
        name: z
          .string()
          .trim()
          .min(1)
          .refine((t) => Buffer.byteLength(t, "utf8") <= MAX_TIER_BYTES, `must be at most ${MAX_TIER_BYTES} bytes of UTF-8`),
        entitlements: z.record(z.string().trim().min(1).max(64), z.number().int().min(1).max(1000)),
      }),
    )
    .max(100)
    .refine((ts) => new Set(ts.map((t) => t.name)).size === ts.length, "each tier name may appear once"),
});

const key = (eventId: string) => `event_tiers:${eventId}`;

export async function getTiers(sql: Sql, eventId: string): Promise<TierSetting[]> {
  const rows = await sql.query<{ value: string }>("SELECT value FROM settings WHERE key = $1", [key(eventId)]);
  if (!rows[0]) return [];
  const parsed = tiersSchema.safeParse({ tiers: JSON.parse(rows[0].value) as unknown });
  // Written only through saveTiers, so this holds; if someone edited the row by hand, show no tiers rather than crash.
  return parsed.success ? parsed.data.tiers : [];
}

export async function saveTiers(sql: Sql, eventId: string, tiers: TierSetting[]): Promise<TierSetting[]> {
  await sql.query(
    "INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value",
    [key(eventId), JSON.stringify(tiers)],
  );
  return tiers;
}
