import type { Context } from "hono";
import type { z } from "zod";
import { MAX_BODY_BYTES } from "../../sync/index.js";
import { ApiError } from "./errors.js";

/**
 * API.md: bodies over 2 MiB get 413. That holds 10,000 passes with names of ordinary length;
 * a list with very long names has to be sent in parts.
 */
export const DEFAULT_BODY_LIMIT = MAX_BODY_BYTES;

/**
 * Reads a JSON body of at most `limit` bytes. Content-Length is checked first to refuse early,
 * then the bytes actually read are counted, because the header may be absent (chunked) or lie.
 */
export async function readJson(c: Context, limit = DEFAULT_BODY_LIMIT): Promise<unknown> {
  const text = await readText(c, limit);
  if (text.trim() === "") throw new ApiError("BAD_JSON", "The request body is empty; send a JSON object.");
  return parseJson(text);
}

/** For endpoints whose body may be left out entirely (it then reads as {}). */
export async function readOptionalJson(c: Context, limit = DEFAULT_BODY_LIMIT): Promise<unknown> {
  const text = await readText(c, limit);
  return text.trim() === "" ? {} : parseJson(text);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new ApiError("BAD_JSON", `The request body is not valid JSON (${(err as Error).message}); fix its syntax and retry.`);
  }
}

async function readText(c: Context, limit: number): Promise<string> {
  const tooLarge = () => new ApiError("BODY_TOO_LARGE", `The request body is larger than ${limit} bytes; send less at a time.`);
  const declared = c.req.header("content-length");
  if (declared !== undefined && Number(declared) > limit) throw tooLarge();
  // Content-Type is not enforced: `curl -d` sends form encoding, and the body is JSON either way.
  const stream = c.req.raw.body;
  if (!stream) return "";
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(value);
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks, size));
  } catch {
    throw new ApiError("BAD_JSON", "The request body is not valid UTF-8; send JSON text.");
  }
}

/** Validates with zod and names the first faulty field in the message. */
export function parseWith<S extends z.ZodType>(schema: S, value: unknown, code: "INVALID_BODY" | "INVALID_QUERY" = "INVALID_BODY"): z.infer<S> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  const where = issue.path.length > 0 ? issue.path.join(".") : code === "INVALID_BODY" ? "body" : "query";
  throw new ApiError(code, `${where}: ${issue.message}.`);
}

export async function readBody<S extends z.ZodType>(c: Context, schema: S, limit = DEFAULT_BODY_LIMIT): Promise<z.infer<S>> {
  return parseWith(schema, await readJson(c, limit));
}

export async function readOptionalBody<S extends z.ZodType>(c: Context, schema: S, limit = DEFAULT_BODY_LIMIT): Promise<z.infer<S>> {
  return parseWith(schema, await readOptionalJson(c, limit));
}
