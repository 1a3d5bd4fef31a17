/**
 * Validators for what the server sends back (the shapes in src/sync/protocol.ts and API.md).
 * A response that does not fit is treated like a failed request: nothing from it is stored.
 * Entries are validated one by one with the shared checkEntry, not here.
 */
import { z } from "zod";
import { ROLES, type EnrollResponse, type PullResponse, type PushResponse, type RosterResponse } from "../../sync/index.js";

const eventInfo = z.object({
  id: z.string(),
  name: z.string(),
  startsAt: z.number(),
  endsAt: z.number(),
  capacity: z.number().nullable(),
});

export const enrollResponseSchema = z.object({
  deviceId: z.string().min(1),
  token: z.string().min(1),
  eventId: z.string().min(1),
  role: z.enum(ROLES),
  event: eventInfo.optional(),
}) satisfies z.ZodType<EnrollResponse>;

export const rosterResponseSchema = z.object({
  event: eventInfo.optional(),
  keys: z.array(z.object({ kid: z.string(), publicKey: z.string().regex(/^[0-9a-fA-F]{64}$/), retired: z.boolean().optional() })),
  passes: z.array(
    z.object({
      id: z.string(),
      holder: z.string(),
      tier: z.string(),
      entitlements: z.record(z.string(), z.number()),
      validFrom: z.number().nullable().optional(),
      validUntil: z.number().nullable().optional(),
      revoked: z.boolean(),
      revokedAt: z.number().nullable().optional(),
      revokeReason: z.string().nullable().optional(),
    }),
  ),
  revoked: z.array(z.string()),
  items: z.array(z.object({ sku: z.string(), name: z.string(), priceCents: z.number(), stock: z.number() })),
  cursor: z.string(),
  more: z.boolean(),
  serverTime: z.number(),
}) satisfies z.ZodType<RosterResponse>;

export const pushResponseSchema = z.object({
  ackedThroughSeq: z.number().int().min(0),
  accepted: z.number(),
  duplicates: z.number(),
  serverTime: z.number(),
}) satisfies z.ZodType<PushResponse>;

/** Entries stay unknown here: each is checked with checkEntry, so one bad entry cannot hide the rest. */
export const pullResponseSchema = z.object({
  entries: z.array(z.unknown()),
  cursor: z.string(),
  more: z.boolean(),
  serverTime: z.number(),
}) satisfies z.ZodType<Omit<PullResponse, "entries"> & { entries: unknown[] }>;

export const apiErrorSchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });
