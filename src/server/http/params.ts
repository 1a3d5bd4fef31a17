import { z } from "zod";
import { ID_PATTERNS } from "../../pass/index.js";
import { ApiError } from "./errors.js";
import { parseWith } from "./body.js";

/** A malformed id cannot name anything, so it is a 404 like an unknown one. */
export function eventIdParam(raw: string): string {
  if (!ID_PATTERNS.eventId.test(raw)) throw new ApiError("EVENT_NOT_FOUND", `There is no event ${JSON.stringify(raw.slice(0, 40))}; event ids are 8 lower-case hex digits.`);
  return raw;
}

export function passIdParam(raw: string): string {
  if (!ID_PATTERNS.passId.test(raw)) throw new ApiError("PASS_NOT_FOUND", `There is no pass ${JSON.stringify(raw.slice(0, 40))}; pass ids are 12 lower-case hex digits.`);
  return raw;
}

export function pageQuery(query: Record<string, string>, defaultLimit: number, maxLimit: number): { cursor: string | undefined; limit: number } {
  const schema = z.object({
    cursor: z.string().max(200_000).optional(),
    limit: z
      .string()
      .regex(/^\d{1,6}$/, "must be a whole number")
      .transform(Number)
      .pipe(z.number().int().min(1).max(maxLimit))
      .optional(),
  });
  const q = parseWith(schema, query, "INVALID_QUERY");
  return { cursor: q.cursor || undefined, limit: q.limit ?? defaultLimit };
}
