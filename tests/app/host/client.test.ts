import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { host } from "../../../src/app/host/api/client.js";
import { HostApiError } from "../../../src/app/host/api/errors.js";

/** A fetch that records requests and answers each with the next of `answers`. */
function fakeFetch(answers: (() => Response)[]) {
  const calls: { url: string; init: RequestInit }[] = [];
  const fn = vi.fn(async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    const next = answers.shift();
    if (!next) throw new TypeError("Failed to fetch");
    return next();
  });
  vi.stubGlobal("fetch", fn);
  return calls;
}

const json = (status: number, body: unknown) => () => new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
const issued = (n: number, from = 0) => ({ passes: Array.from({ length: n }, (_, i) => ({ id: `p${from + i}`, code: "DL:X", holder: `h${from + i}`, tier: "GA" })) });

beforeEach(() => {
  const store = new Map<string, string>([["doorlist.hostToken", "tok"]]);
  vi.stubGlobal("localStorage", { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => store.set(k, v), removeItem: (k: string) => store.delete(k) });
});
afterEach(() => vi.unstubAllGlobals());

describe("host API client", () => {
  it("sends the stored token and issues large lists in parts of 10,000, reporting progress", async () => {
    const calls = fakeFetch([json(201, issued(10_000)), json(201, issued(2_500, 10_000))]);
    const progress: number[] = [];
    const passes = Array.from({ length: 12_500 }, (_, i) => ({ holder: `h${i}`, tier: "GA" }));
    const out = await host("passes/issue", { eventId: "e1", passes, onProgress: (p) => progress.push(p.issued) });
    expect(out).toHaveLength(12_500);
    expect(progress).toEqual([10_000, 12_500]);
    expect(calls.map((c) => (JSON.parse(c.init.body as string) as { passes: unknown[] }).passes.length)).toEqual([10_000, 2_500]);
    expect((calls[0]!.init.headers as Record<string, string>).authorization).toBe("Bearer tok");
    expect(calls[0]!.url).toBe("/api/v1/events/e1/passes");
  });

  it("says how far a split issue got when a later part fails", async () => {
    fakeFetch([json(201, issued(10_000)), json(400, { error: { code: "INVALID_BODY", message: "passes.3.holder: too long." } })]);
    const passes = Array.from({ length: 10_001 }, (_, i) => ({ holder: `h${i}`, tier: "GA" }));
    const err = await host("passes/issue", { eventId: "e1", passes }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HostApiError);
    expect((err as Error).message).toBe("10000 of 10001 passes were issued before this failed: passes.3.holder: too long.");
  });

  it("turns error codes into words at one place, and a dead network into NETWORK", async () => {
    fakeFetch([json(401, { error: { code: "UNAUTHENTICATED", message: "x" } })]);
    const e1 = (await host("events/list", undefined).catch((e: unknown) => e)) as HostApiError;
    expect(e1.code).toBe("UNAUTHENTICATED");
    expect(e1.message).toMatch(/Sign in again/);
    fakeFetch([]);
    const e2 = (await host("live/get", { eventId: "e1" }).catch((e: unknown) => e)) as HostApiError;
    expect(e2.code).toBe("NETWORK");
    expect(e2.message).toMatch(/cannot be reached/);
  });

  it("checks a token without keeping it: false on 401, true on 200", async () => {
    fakeFetch([json(401, { error: { code: "UNAUTHENTICATED", message: "x" } }), json(200, { events: [] })]);
    expect(await host("auth/check", { token: "bad" })).toBe(false);
    expect(await host("auth/check", { token: "good" })).toBe(true);
  });
});
