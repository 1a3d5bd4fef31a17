/**
 * One request to the Doorlist API, as API.md describes it: JSON bodies, a bearer token, the
 * device clock in X-Doorlist-Device-Time, and errors as {error: {code, message}}.
 */
import type { z } from "zod";
import { apiErrorSchema } from "./wire.js";

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export interface HttpDeps {
  fetch: FetchLike;
  /** "" for the page's own origin */
  baseUrl: string;
  /** the device clock */
  now: () => number;
  /** give up on a request after this long, so one hung connection cannot stall every later sync */
  timeoutMs?: number;
}

export const DEFAULT_TIMEOUT_MS = 30_000;

/** The server answered, and not with success. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "HttpError";
  }
}

/** The server could not be reached, or answered with something that is not the API. Worth retrying. */
export class NetworkError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "NetworkError";
  }
}

export interface Answer<T> {
  data: T;
  status: number;
  /** size of the response body, for progress bars */
  bytes: number;
  sentAt: number;
  receivedAt: number;
}

export async function requestJson<S extends z.ZodType>(
  deps: HttpDeps,
  method: "GET" | "POST",
  path: string,
  schema: S,
  opts: { token?: string; body?: unknown } = {},
): Promise<Answer<z.infer<S>>> {
  const sentAt = deps.now();
  const headers: Record<string, string> = { Accept: "application/json", "X-Doorlist-Device-Time": String(Math.round(sentAt)) };
  if (opts.token !== undefined) headers.Authorization = `Bearer ${opts.token}`;
  const init: RequestInit = { method, headers, cache: "no-store" };
  if (opts.body !== undefined) {
    headers["Content-Type"] = "application/json";
    init.body = JSON.stringify(opts.body);
  }
  const abort = new AbortController();
  init.signal = abort.signal;
  const timer = setTimeout(() => abort.abort(), deps.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  let res: Response;
  let text: string;
  try {
    res = await deps.fetch(deps.baseUrl + path, init);
    text = await res.text();
  } catch (err) {
    throw new NetworkError(`could not reach the server (${err instanceof Error ? err.message : String(err)})`);
  } finally {
    clearTimeout(timer);
  }
  const receivedAt = deps.now();
  let json: unknown;
  try {
    json = text.length > 0 ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  if (!res.ok) {
    const err = apiErrorSchema.safeParse(json);
    if (err.success) throw new HttpError(res.status, err.data.error.code, err.data.error.message);
    // A captive portal or a proxy error page: not the API talking, so treat it as no network.
    if (res.status >= 500 || json === undefined) throw new NetworkError(`server answered ${res.status}`);
    throw new HttpError(res.status, "HTTP_ERROR", `server answered ${res.status}`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    throw new NetworkError(`unexpected answer from ${path}: ${parsed.error.issues[0]?.path.join(".") ?? ""} ${parsed.error.issues[0]?.message ?? ""}`);
  }
  return { data: parsed.data, status: res.status, bytes: text.length, sentAt, receivedAt };
}

/** server time − device time, taking the device time half-way through the round trip. */
export function clockOffset(serverTime: number, sentAt: number, receivedAt: number): number {
  return Math.round(serverTime - (sentAt + receivedAt) / 2);
}

export function describeError(err: unknown): string {
  if (err instanceof HttpError) return `${err.code} (${err.status}): ${err.message}`;
  if (err instanceof NetworkError) return `offline: ${err.message}`;
  return err instanceof Error ? err.message : String(err);
}

/** Failures worth retrying with backoff; a 4xx will answer the same until something changes. */
export function isTransient(err: unknown): boolean {
  return err instanceof NetworkError || (err instanceof HttpError && (err.status >= 500 || err.status === 429 || err.status === 408));
}
