/**
 * Every API route × every kind of caller → the status API.md promises. One table: a route added
 * without a row here fails the first test, so no endpoint ships with its auth unexamined.
 *
 * Callers: nobody; the host token; a door, a volunteer and a host device of this event; a door
 * device of another event; a revoked device; an expired enrollment code used as a token.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestApi, type TestDevice } from "../support/api.js";
import { openTestStore, type TestStore } from "../support/stores.js";

type Caller = "none" | "host" | "door" | "volunteer" | "hostDevice" | "otherEvent" | "revoked" | "expiredCode";
const CALLERS: Caller[] = ["none", "host", "door", "volunteer", "hostDevice", "otherEvent", "revoked", "expiredCode"];

/** Who may call: the expected status for each caller follows from the class. */
type Access = "public" | "hostOnly" | "hostOfEvent" | "device";

interface Route {
  method: string;
  /** the route as registered, :params and all */
  pattern: string;
  access: Access;
  /** status when the caller is allowed */
  ok: number;
  /** makes a fresh, valid request: state-changing routes get a target of their own each time */
  request: () => Promise<{ path: string; body?: unknown }>;
}

let store: TestStore;
let api: TestApi;
let eventId: string;
let otherEventId: string;
let tokens: Record<Exclude<Caller, "none" | "host">, string>;
let door: TestDevice;
let clockOffsetMs = 0;

async function issuePass(holder: string): Promise<string> {
  const r = await api.call("POST", `/api/v1/events/${eventId}/passes`, { body: { passes: [{ holder, tier: "GA" }] } });
  return r.body.passes[0].id;
}

const ev = () => `/api/v1/events/${eventId}`;
const ROUTES: Route[] = [
  { method: "GET", pattern: "/api/v1/health", access: "public", ok: 200, request: async () => ({ path: "/api/v1/health" }) },
  { method: "POST", pattern: "/api/v1/events", access: "hostOnly", ok: 201, request: async () => ({ path: "/api/v1/events", body: { name: "Another", startsAt: 1_790_000_000_000, endsAt: 1_790_003_600_000 } }) },
  { method: "GET", pattern: "/api/v1/events", access: "hostOnly", ok: 200, request: async () => ({ path: "/api/v1/events" }) },
  { method: "GET", pattern: "/api/v1/events/:eventId", access: "hostOfEvent", ok: 200, request: async () => ({ path: ev() }) },
  { method: "PATCH", pattern: "/api/v1/events/:eventId", access: "hostOfEvent", ok: 200, request: async () => ({ path: ev(), body: { name: "Renamed" } }) },
  { method: "GET", pattern: "/api/v1/host/network", access: "hostOnly", ok: 200, request: async () => ({ path: "/api/v1/host/network" }) },
  { method: "GET", pattern: "/api/v1/events/:eventId/devices", access: "hostOfEvent", ok: 200, request: async () => ({ path: `${ev()}/devices` }) },
  { method: "GET", pattern: "/api/v1/events/:eventId/entries", access: "hostOfEvent", ok: 200, request: async () => ({ path: `${ev()}/entries?finding=duplicate-admissions` }) },
  { method: "GET", pattern: "/api/v1/events/:eventId/entries.csv", access: "hostOfEvent", ok: 200, request: async () => ({ path: `${ev()}/entries.csv` }) },
  { method: "GET", pattern: "/api/v1/events/:eventId/items", access: "hostOfEvent", ok: 200, request: async () => ({ path: `${ev()}/items` }) },
  { method: "GET", pattern: "/api/v1/events/:eventId/keys", access: "hostOfEvent", ok: 200, request: async () => ({ path: `${ev()}/keys` }) },
  { method: "GET", pattern: "/api/v1/events/:eventId/live", access: "hostOfEvent", ok: 200, request: async () => ({ path: `${ev()}/live` }) },
  { method: "GET", pattern: "/api/v1/events/:eventId/passes", access: "hostOfEvent", ok: 200, request: async () => ({ path: `${ev()}/passes` }) },
  { method: "GET", pattern: "/api/v1/events/:eventId/report", access: "hostOfEvent", ok: 200, request: async () => ({ path: `${ev()}/report` }) },
  { method: "GET", pattern: "/api/v1/events/:eventId/report.csv", access: "hostOfEvent", ok: 200, request: async () => ({ path: `${ev()}/report.csv` }) },
  { method: "GET", pattern: "/api/v1/events/:eventId/tiers", access: "hostOfEvent", ok: 200, request: async () => ({ path: `${ev()}/tiers` }) },
  { method: "PUT", pattern: "/api/v1/events/:eventId/tiers", access: "hostOfEvent", ok: 200, request: async () => ({ path: `${ev()}/tiers`, body: { tiers: [{ name: "GA", entitlements: {} }] } }) },
  {
    method: "POST",
    pattern: "/api/v1/events/:eventId/devices/:deviceId/revoke",
    access: "hostOfEvent",
    ok: 200,
    request: async () => ({ path: `${ev()}/devices/${(await api.enroll(eventId, "door", "to revoke")).id}/revoke`, body: {} }),
  },
  { method: "POST", pattern: "/api/v1/events/:eventId/enrollments", access: "hostOfEvent", ok: 201, request: async () => ({ path: `${ev()}/enrollments`, body: { role: "door" } }) },
  { method: "POST", pattern: "/api/v1/events/:eventId/items", access: "hostOfEvent", ok: 201, request: async () => ({ path: `${ev()}/items`, body: { sku: `SKU${Math.random().toString(36).slice(2, 8)}`, name: "Tee", priceCents: 2500, stock: 10 } }) },
  {
    method: "POST",
    pattern: "/api/v1/events/:eventId/keys/:kid/retire",
    access: "hostOfEvent",
    ok: 200,
    request: async () => {
      // rotate first, so the key being retired is never the only signing key
      const before = (await api.call("GET", `${ev()}/keys`)).body.keys as { kid: string; retired?: boolean; retiredAt?: number | null }[];
      await api.call("POST", `${ev()}/keys/rotate`, { body: {} });
      const old = before.find((k) => !k.retired && !k.retiredAt)!;
      return { path: `${ev()}/keys/${old.kid}/retire`, body: {} };
    },
  },
  { method: "POST", pattern: "/api/v1/events/:eventId/keys/rotate", access: "hostOfEvent", ok: 201, request: async () => ({ path: `${ev()}/keys/rotate`, body: {} }) },
  { method: "POST", pattern: "/api/v1/events/:eventId/passes", access: "hostOfEvent", ok: 201, request: async () => ({ path: `${ev()}/passes`, body: { passes: [{ holder: "Ada", tier: "GA" }] } }) },
  { method: "POST", pattern: "/api/v1/events/:eventId/passes/:passId/revoke", access: "hostOfEvent", ok: 200, request: async () => ({ path: `${ev()}/passes/${await issuePass("Refunded")}/revoke`, body: { reason: "refund" } }) },
  {
    // public: the code is the credential (used and expired codes are the test below)
    method: "POST",
    pattern: "/api/v1/enroll",
    access: "public",
    ok: 201,
    request: async () => {
      const made = await api.call("POST", `${ev()}/enrollments`, { body: { role: "door" } });
      return { path: "/api/v1/enroll", body: { code: made.body.code, label: "New phone" } };
    },
  },
  { method: "GET", pattern: "/api/v1/sync/roster", access: "device", ok: 200, request: async () => ({ path: "/api/v1/sync/roster" }) },
  { method: "GET", pattern: "/api/v1/sync/pull", access: "device", ok: 200, request: async () => ({ path: "/api/v1/sync/pull" }) },
  { method: "POST", pattern: "/api/v1/sync/push", access: "device", ok: 200, request: async () => ({ path: "/api/v1/sync/push", body: { entries: [] } }) },
];

function expected(route: Route, caller: Caller): number {
  if (route.access === "public") return route.ok;
  if (caller === "none" || caller === "revoked" || caller === "expiredCode") return 401;
  switch (route.access) {
    case "hostOnly":
      return caller === "host" ? route.ok : 403;
    case "hostOfEvent":
      return caller === "host" || caller === "hostDevice" ? route.ok : 403;
    case "device":
      return caller === "host" ? 403 : route.ok;
  }
}

function tokenOf(caller: Caller): string | null {
  if (caller === "none") return null;
  if (caller === "host") return undefined as unknown as string; // TestApi sends the host token by default
  return tokens[caller];
}

beforeAll(async () => {
  store = await openTestStore("pglite");
  api = new TestApi(store.storage, { now: () => Date.now() + clockOffsetMs });
  eventId = (await api.createEvent()).id;
  otherEventId = (await api.createEvent({ name: "Elsewhere" })).id;
  door = await api.enroll(eventId, "door");
  const revoked = await api.enroll(eventId, "door", "lost phone");
  expect((await api.call("POST", `/api/v1/events/${eventId}/devices/${revoked.id}/revoke`, { body: {} })).status).toBe(200);
  const expiring = await api.call("POST", `/api/v1/events/${eventId}/enrollments`, { body: { role: "door", ttlMinutes: 1 } });
  tokens = {
    door: door.token,
    volunteer: (await api.enroll(eventId, "volunteer")).token,
    hostDevice: (await api.enroll(eventId, "host")).token,
    otherEvent: (await api.enroll(otherEventId, "door")).token,
    revoked: revoked.token,
    expiredCode: expiring.body.code,
  };
}, 60_000);

afterAll(async () => {
  await store.cleanup();
});

describe("auth matrix", () => {
  it("covers every route the server registers", () => {
    const registered = new Set(api.app.routes.filter((r) => r.method !== "ALL" && r.path.startsWith("/api/")).map((r) => `${r.method} ${r.path}`));
    const covered = new Set(ROUTES.map((r) => `${r.method} ${r.pattern}`));
    expect([...registered].filter((r) => !covered.has(r)), "routes without a row in the auth matrix").toEqual([]);
    expect([...covered].filter((r) => !registered.has(r)), "rows for routes that no longer exist").toEqual([]);
  });

  const cases = ROUTES.flatMap((route) => CALLERS.map((caller) => [`${route.method} ${route.pattern}`, caller, route] as const));
  it.each(cases)("%s as %s", async (_name, caller, route) => {
    const { path, body } = await route.request();
    const r = await api.call(route.method, path, { token: tokenOf(caller), ...(body === undefined ? {} : { body }) });
    expect(r.status, JSON.stringify(r.body)).toBe(expected(route, caller));
    if (r.status === 401 || r.status === 403) {
      expect(r.body.error.code).toMatch(/^[A-Z_]+$/);
      expect(r.body.error.message.length).toBeGreaterThan(20);
    }
  });

  it("enrollment codes: fresh → 201; used again → 410; expired → 410", async () => {
    const made = await api.call("POST", `/api/v1/events/${eventId}/enrollments`, { body: { role: "door", ttlMinutes: 1 } });
    const first = await api.call("POST", "/api/v1/enroll", { token: null, body: { code: made.body.code, label: "Door 9" } });
    expect(first.status).toBe(201);
    const again = await api.call("POST", "/api/v1/enroll", { token: null, body: { code: made.body.code, label: "Door 9" } });
    expect(again.status).toBe(410);
    clockOffsetMs = 2 * 60_000;
    try {
      const expired = await api.call("POST", "/api/v1/enroll", { token: null, body: { code: tokens.expiredCode, label: "Late" } });
      expect(expired.status).toBe(410);
      expect(expired.body.error.message).toMatch(/expired/);
    } finally {
      clockOffsetMs = 0;
    }
  });

  it("a device may not push entries in another device's name", async () => {
    const other = await api.enroll(eventId, "door", "Door 2");
    const r = await door.push([other.entry({ seq: 1 })]);
    expect([400, 403]).toContain(r.status);
    expect((await other.pullAll()).entries).toEqual([]);
  });
});
