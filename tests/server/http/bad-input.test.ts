/**
 * Hostile and odd input at the HTTP boundary: every one gets a 4xx with a sentence a person can
 * act on, never a 500, and nothing of a rejected batch is stored. Names in any script round-trip.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestApi, type TestDevice } from "../support/api.js";
import { openTestStore, type TestStore } from "../support/stores.js";

let store: TestStore;
let api: TestApi;
let eventId: string;
let device: TestDevice;

beforeAll(async () => {
  store = await openTestStore("pglite");
  api = new TestApi(store.storage);
  eventId = (await api.createEvent()).id;
  device = await api.enroll(eventId, "door");
}, 60_000);

afterAll(async () => {
  await store.cleanup();
});

function expectClearError(r: { status: number; body: any }, status: number) {
  expect(r.status, JSON.stringify(r.body).slice(0, 300)).toBe(status);
  expect(r.body.error.code).toMatch(/^[A-Z][A-Z_]+$/);
  expect(r.body.error.message).toMatch(/^[A-Z\w].{15,}/);
}

const nested = (depth: number) => "[".repeat(depth) + "]".repeat(depth);

describe("bad input never makes a 500", () => {
  it.each([
    ["deeply nested JSON as the whole body", () => nested(100_000)],
    ["deeply nested JSON inside an entry's data", () => `{"entries":[{"id":"x-1","deviceId":"DEV","seq":1,"type":"admit","at":1790000000000,"passId":"p","data":{"verdict":"ADMIT","deep":${nested(50_000)}}}]}`],
    ["a string where an array belongs", () => JSON.stringify({ entries: "lots" })],
    ["null", () => "null"],
    ["a number", () => "42"],
    ["truncated JSON", () => '{"entries":[{"id":'],
    ["a NUL byte in a string", () => JSON.stringify({ entries: [{ id: "a\u0000b", deviceId: "DEV", seq: 1, type: "admit", at: 1790000000000, passId: "p" }] })],
    ["lone surrogates", () => '{"entries":[{"id":"\\ud800","deviceId":"DEV","seq":1,"type":"admit","at":1790000000000,"passId":"p"}]}'],
    ["seq as a string", () => JSON.stringify({ entries: [{ id: "a-1", deviceId: "DEV", seq: "1", type: "admit", at: 1790000000000, passId: "p" }] })],
    ["seq as a float", () => JSON.stringify({ entries: [{ id: "a-1", deviceId: "DEV", seq: 1.5, type: "admit", at: 1790000000000, passId: "p" }] })],
    ["a huge seq", () => JSON.stringify({ entries: [{ id: "a-1", deviceId: "DEV", seq: 1e300, type: "admit", at: 1790000000000, passId: "p" }] })],
    ["an unknown type", () => JSON.stringify({ entries: [{ id: "a-1", deviceId: "DEV", seq: 1, type: "teleport", at: 1790000000000 }] })],
  ])("push: %s → 400", async (_name, body) => {
    const raw = body().replace(/"DEV"/g, JSON.stringify(device.id));
    const r = await api.call("POST", "/api/v1/sync/push", { token: device.token, raw, headers: { "content-type": "application/json" } });
    expectClearError(r, 400);
  });

  it("push: a body over 2 MiB → 413, declared or not", async () => {
    const big = JSON.stringify({ entries: [], pad: "x".repeat(2 * 1024 * 1024 + 10) });
    expectClearError(await api.call("POST", "/api/v1/sync/push", { token: device.token, raw: big }), 413);
    const chunked = new ReadableStream<Uint8Array>({
      start(ctrl) {
        ctrl.enqueue(new TextEncoder().encode(big));
        ctrl.close();
      },
    });
    const res = await api.app.request("/api/v1/sync/push", { method: "POST", headers: { authorization: `Bearer ${device.token}` }, body: chunked, duplex: "half" } as RequestInit);
    expect(res.status).toBe(413);
  });

  it("nothing of a rejected batch is stored", async () => {
    const good = device.entry({ seq: 1 });
    const bad = { ...device.entry({ seq: 2 }), at: "yesterday" };
    expectClearError(await device.push([good, bad]), 400);
    expect((await device.pullAll()).entries).toEqual([]);
  });

  it.each([
    ["a huge holder name", { passes: [{ holder: "A".repeat(1_000_000), tier: "GA" }] }],
    ["a tier longer than a pass can hold", { passes: [{ holder: "Ada", tier: "EXTRAORDINARY-TIER" }] }],
    ["holder as a number", { passes: [{ holder: 7, tier: "GA" }] }],
    ["no passes at all", { passes: [] }],
    ["10,001 passes", { passes: Array.from({ length: 10_001 }, (_, i) => ({ holder: `P${i}`, tier: "GA" })) }],
  ])("issue passes: %s → 400 or 413", async (_name, body) => {
    const r = await api.call("POST", `/api/v1/events/${eventId}/passes`, { body });
    expect([400, 413]).toContain(r.status);
    expectClearError(r, r.status);
  });

  it.each([
    ["an event id that is not hex", "/api/v1/events/zzzz/report"],
    ["a path traversal attempt", "/api/v1/events/..%2F..%2Fetc/report"],
    ["an unknown event", "/api/v1/events/00000000/report"],
    ["a pass id with SQL in it", `/api/v1/events/EVENT/passes/1'%20OR%20'1'='1/revoke`],
  ])("paths: %s → 4xx", async (_name, path) => {
    const method = path.endsWith("/revoke") ? "POST" : "GET";
    const r = await api.call(method, path.replace("EVENT", eventId), method === "POST" ? { body: {} } : {});
    expect(r.status).toBeGreaterThanOrEqual(400);
    expect(r.status).toBeLessThan(500);
  });

  it.each(["not a cursor", "eyJhIjoiYiJ9", "%00", "x".repeat(300_000)])("pull with a forged cursor %# → 400", async (cursor) => {
    const r = await api.call("GET", `/api/v1/sync/pull?cursor=${encodeURIComponent(cursor)}`, { token: device.token });
    expectClearError(r, 400);
  });
});

describe("names in every script", () => {
  it("round-trips Unicode, right-to-left and markup-looking names exactly, as data", async () => {
    const holders = ["Zoë Ångström", "محمد الأحمد", "יעל כהן", "李小龙", "👩🏽‍🚀 Ada", "<img src=x onerror=alert(1)>", "=HYPERLINK(\"http://x\")"];
    const r = await api.call("POST", `/api/v1/events/${eventId}/passes`, { body: { passes: holders.map((holder) => ({ holder, tier: "GA" })) } });
    expect(r.status).toBe(201);
    expect(r.body.passes.map((p: { holder: string }) => p.holder)).toEqual(holders);
    const roster = await device.roster();
    const names = roster.body.passes.map((p: { holder: string }) => p.holder);
    for (const h of holders) expect(names).toContain(h);
    // JSON answers are never sniffed as HTML
    expect(roster.headers.get("content-type")).toMatch(/^application\/json/);
  });
});
