/**
 * Every endpoint of API.md with its errors, in-process through app.request(), on PGlite and on
 * a real PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodePassText, fromHex, keyLookupFrom, tweetnaclVerifier, verifyPass } from "../../../src/pass/index.js";
import { decodeCursor } from "../../../src/sync/index.js";
import { HOST_TOKEN, TestApi } from "../support/api.js";
import { openTestStore, STORE_KINDS, type TestStore } from "../support/stores.js";

const expectError = (r: { status: number; body: any }, status: number, code: string) => {
  expect({ status: r.status, code: r.body?.error?.code }).toEqual({ status, code });
  expect(typeof r.body.error.message).toBe("string");
  expect(r.body.error.message.length).toBeGreaterThan(10);
};

describe.each(STORE_KINDS)("API on %s", (kind) => {
  let store: TestStore;
  let api: TestApi;
  beforeAll(async () => {
    store = await openTestStore(kind);
    api = new TestApi(store.storage);
  });
  afterAll(async () => store?.cleanup());

  describe("auth", () => {
    it("answers 401 without a token, with a malformed header, or with an unknown token", async () => {
      expectError(await api.call("GET", "/api/v1/events", { token: null }), 401, "UNAUTHENTICATED");
      expectError(await api.call("GET", "/api/v1/events", { token: null, headers: { authorization: "Basic abc" } }), 401, "UNAUTHENTICATED");
      expectError(await api.call("GET", "/api/v1/events", { token: "not-a-token" }), 401, "UNAUTHENTICATED");
      expectError(await api.call("GET", "/api/v1/sync/pull", { token: "not-a-token" }), 401, "UNAUTHENTICATED");
    });

    it("answers 403 to a device on host endpoints and to the host token on device endpoints", async () => {
      const ev = await api.createEvent();
      const door = await api.enroll(ev.id, "door");
      expectError(await api.call("GET", "/api/v1/events", { token: door.token }), 403, "FORBIDDEN");
      expectError(await api.call("POST", `/api/v1/events/${ev.id}/passes`, { token: door.token, body: { passes: [] } }), 403, "FORBIDDEN");
      expectError(await api.call("GET", `/api/v1/events/${ev.id}/report`, { token: door.token }), 403, "FORBIDDEN");
      expectError(await api.call("GET", "/api/v1/sync/pull"), 403, "FORBIDDEN");
      expectError(await api.call("POST", "/api/v1/sync/push", { body: { entries: [] } }), 403, "FORBIDDEN");
    });

    it("lets a host device work on its own event only", async () => {
      const ev = await api.createEvent();
      const other = await api.createEvent({ name: "Other" });
      const hostDevice = await api.enroll(ev.id, "host");
      expect((await api.call("GET", `/api/v1/events/${ev.id}/report`, { token: hostDevice.token })).status).toBe(200);
      expectError(await api.call("GET", `/api/v1/events/${other.id}/report`, { token: hostDevice.token }), 403, "FORBIDDEN");
      expectError(await api.call("POST", "/api/v1/events", { token: hostDevice.token, body: { name: "x", startsAt: 1, endsAt: 2 } }), 403, "FORBIDDEN");
    });

    it("answers 401 to a revoked device, and keeps what it pushed", async () => {
      const ev = await api.createEvent();
      const door = await api.enroll(ev.id);
      expect((await door.push([door.entry()])).status).toBe(200);
      const revoked = await api.call("POST", `/api/v1/events/${ev.id}/devices/${door.id}/revoke`);
      expect(revoked.status).toBe(200);
      expect(revoked.body.revokedAt).toBeTypeOf("number");
      expectError(await door.push([door.entry()]), 401, "UNAUTHENTICATED");
      expectError(await door.pull(), 401, "UNAUTHENTICATED");
      const reader = await api.enroll(ev.id);
      expect((await reader.pullAll()).entries).toHaveLength(1);
      expectError(await api.call("POST", `/api/v1/events/${ev.id}/devices/dnope/revoke`), 404, "DEVICE_NOT_FOUND");
    });
  });

  describe("events", () => {
    it("creates and lists events", async () => {
      const r = await api.call("POST", "/api/v1/events", { body: { name: "Market", startsAt: 1_790_000_000_000, endsAt: 1_790_000_360_000 } });
      expect(r.status).toBe(201);
      expect(r.body).toEqual({ id: expect.stringMatching(/^[0-9a-f]{8}$/), name: "Market", startsAt: 1_790_000_000_000, endsAt: 1_790_000_360_000, capacity: null });
      const list = await api.call("GET", "/api/v1/events");
      expect(list.status).toBe(200);
      expect(list.body.events).toContainEqual(r.body);
      expect((await api.call("GET", `/api/v1/events/${r.body.id}`)).body).toEqual(r.body);
    });

    it("refuses malformed bodies with 400 and a named field", async () => {
      expectError(await api.call("POST", "/api/v1/events", { raw: "{not json" }), 400, "BAD_JSON");
      expectError(await api.call("POST", "/api/v1/events", { raw: "" }), 400, "BAD_JSON");
      expectError(await api.call("POST", "/api/v1/events", { body: [1, 2] }), 400, "INVALID_BODY");
      const r = await api.call("POST", "/api/v1/events", { body: { name: "x", startsAt: 10, endsAt: 5 } });
      expectError(r, 400, "INVALID_BODY");
      expect(r.body.error.message).toMatch(/endsAt/);
      expectError(await api.call("POST", "/api/v1/events", { body: { name: "", startsAt: 1, endsAt: 2 } }), 400, "INVALID_BODY");
      expectError(await api.call("POST", "/api/v1/events", { body: { name: "x", startsAt: "soon", endsAt: 2 } }), 400, "INVALID_BODY");
      expectError(await api.call("POST", "/api/v1/events", { body: { name: "x", startsAt: 1, endsAt: 2, capacity: -1 } }), 400, "INVALID_BODY");
    });

    it("answers 404 for unknown or malformed event ids", async () => {
      expectError(await api.call("GET", "/api/v1/events/00000000"), 404, "EVENT_NOT_FOUND");
      expectError(await api.call("GET", "/api/v1/events/NOPE"), 404, "EVENT_NOT_FOUND");
      expectError(await api.call("POST", "/api/v1/events/00000000/passes", { body: { passes: [{ holder: "a", tier: "GA" }] } }), 404, "EVENT_NOT_FOUND");
      expectError(await api.call("POST", "/api/v1/events/00000000/enrollments", { body: { role: "door" } }), 404, "EVENT_NOT_FOUND");
      expectError(await api.call("GET", "/api/v1/events/00000000/report"), 404, "EVENT_NOT_FOUND");
      expectError(await api.call("GET", "/api/v1/events/00000000/entries.csv"), 404, "EVENT_NOT_FOUND");
    });
  });

  describe("passes, keys and items", () => {
    it("issues passes whose codes verify against the event's listed key and carry its fields", async () => {
      const ev = await api.createEvent();
      const r = await api.call("POST", `/api/v1/events/${ev.id}/passes`, {
        body: { passes: [{ holder: "Ada", tier: "GA" }, { holder: "Bo", tier: "VIP", validFrom: 1_790_000_000_000, validUntil: 1_790_003_600_000, entitlements: { tote: 1 } }] },
      });
      expect(r.status).toBe(201);
      expect(r.body.passes).toHaveLength(2);
      const keys = (await api.call("GET", `/api/v1/events/${ev.id}/keys`)).body.keys;
      expect(keys).toHaveLength(1);
      expect(JSON.stringify(keys)).not.toMatch(/secret/i);
      const lookup = keyLookupFrom(keys.map((k: any) => ({ kid: k.kid, publicKey: fromHex(k.publicKey)! })));
      for (const p of r.body.passes) {
        expect(p.id).toMatch(/^[0-9a-f]{12}$/);
        const decoded = decodePassText(p.code);
        expect(decoded.ok).toBe(true);
        if (!decoded.ok) continue;
        expect(decoded.pass).toMatchObject({ eventId: ev.id, passId: p.id, tier: p.tier, kid: keys[0].kid });
        const v = await verifyPass(decoded.pass, { eventId: ev.id, keys: lookup, now: 1_790_000_100_000, verifier: tweetnaclVerifier });
        expect(v.ok).toBe(true);
      }
      expect(decodePassText(r.body.passes[1].code)).toMatchObject({ pass: { validFrom: 1_790_000_000_000, validUntil: 1_790_003_600_000 } });
    });

    it("issues 10,000 passes in one request and refuses 10,001", async () => {
      const ev = await api.createEvent();
      const passes = Array.from({ length: 10_000 }, (_, i) => ({ holder: `Guest ${i}`, tier: i % 2 ? "GA" : "VIP" }));
      const r = await api.call("POST", `/api/v1/events/${ev.id}/passes`, { body: { passes } });
      expect(r.status).toBe(201);
      expect(new Set(r.body.passes.map((p: any) => p.id)).size).toBe(10_000);
      expectError(await api.call("POST", `/api/v1/events/${ev.id}/passes`, { body: { passes: [...passes, { holder: "x", tier: "GA" }] } }), 400, "TOO_MANY_PASSES");
      const huge = await api.call("POST", `/api/v1/events/${ev.id}/passes`, { body: { passes: passes.map((p) => ({ ...p, holder: p.holder.padEnd(200, "x") })) } });
      expectError(huge, 413, "BODY_TOO_LARGE");
    }, 60_000);

    it("refuses passes the codec cannot carry, naming the pass and field", async () => {
      const ev = await api.createEvent();
      const bad = async (pass: unknown, field: RegExp) => {
        const r = await api.call("POST", `/api/v1/events/${ev.id}/passes`, { body: { passes: [{ holder: "ok", tier: "GA" }, pass] } });
        expectError(r, 400, "INVALID_BODY");
        expect(r.body.error.message).toMatch(field);
      };
      await bad({ holder: "x", tier: "THIRTEEN-BYTE" }, /passes\.1\.tier/);
      await bad({ holder: "x", tier: "" }, /passes\.1\.tier/);
      await bad({ holder: "x", tier: "GA", validFrom: 1500 }, /passes\.1\.validFrom.*whole second/);
      await bad({ holder: "x", tier: "GA", validFrom: 2000, validUntil: 1000 }, /validUntil/);
      await bad({ tier: "GA" }, /passes\.1\.holder/);
      expectError(await api.call("POST", `/api/v1/events/${ev.id}/passes`, { body: { passes: [] } }), 400, "INVALID_BODY");
      expect((await api.call("GET", `/api/v1/events/${ev.id}/report`)).status).toBe(200);
    });

    it("revokes a pass with a reason, idempotently, and 404s unknown passes", async () => {
      const ev = await api.createEvent();
      const [p] = (await api.call("POST", `/api/v1/events/${ev.id}/passes`, { body: { passes: [{ holder: "Ada", tier: "GA" }] } })).body.passes;
      const r = await api.call("POST", `/api/v1/events/${ev.id}/passes/${p.id}/revoke`, { body: { reason: "refunded" } });
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({ id: p.id, revoked: true, reason: "refunded" });
      const again = await api.call("POST", `/api/v1/events/${ev.id}/passes/${p.id}/revoke`, { raw: "" });
      expect(again.body).toEqual(r.body);
      expectError(await api.call("POST", `/api/v1/events/${ev.id}/passes/aaaaaaaaaaaa/revoke`, { body: {} }), 404, "PASS_NOT_FOUND");
      expectError(await api.call("POST", `/api/v1/events/${ev.id}/passes/xyz/revoke`, { body: {} }), 404, "PASS_NOT_FOUND");
      expectError(await api.call("POST", `/api/v1/events/${ev.id}/passes/${p.id}/revoke`, { body: { reason: 5 } }), 400, "INVALID_BODY");
    });

    it("rotates keys, signs with the newest, lists old ones until retired, never the last", async () => {
      const ev = await api.createEvent();
      const first = (await api.call("GET", `/api/v1/events/${ev.id}/keys`)).body.keys[0];
      const rotated = await api.call("POST", `/api/v1/events/${ev.id}/keys/rotate`);
      expect(rotated.status).toBe(201);
      expect(rotated.body.kid).not.toBe(first.kid);
      expect(JSON.stringify(rotated.body)).not.toMatch(/secret/i);
      const [p] = (await api.call("POST", `/api/v1/events/${ev.id}/passes`, { body: { passes: [{ holder: "A", tier: "GA" }] } })).body.passes;
      expect(decodePassText(p.code)).toMatchObject({ pass: { kid: rotated.body.kid } });
      const keys = (await api.call("GET", `/api/v1/events/${ev.id}/keys`)).body.keys;
      expect(keys.map((k: any) => k.kid)).toEqual([first.kid, rotated.body.kid]);
      const retired = await api.call("POST", `/api/v1/events/${ev.id}/keys/${first.kid}/retire`);
      expect(retired.status).toBe(200);
      expect(retired.body.retiredAt).toBeTypeOf("number");
      expectError(await api.call("POST", `/api/v1/events/${ev.id}/keys/${rotated.body.kid}/retire`), 409, "LAST_ACTIVE_KEY");
      expectError(await api.call("POST", `/api/v1/events/${ev.id}/keys/00000000/retire`), 404, "KEY_NOT_FOUND");
    });

    it("adds and updates items", async () => {
      const ev = await api.createEvent();
      const item = { sku: "TOTE-1", name: "Tote bag", priceCents: 1500, stock: 40 };
      const r = await api.call("POST", `/api/v1/events/${ev.id}/items`, { body: item });
      expect(r.status).toBe(201);
      expect(r.body).toEqual(item);
      const u = await api.call("POST", `/api/v1/events/${ev.id}/items`, { body: { ...item, stock: 39 } });
      expect(u.status).toBe(200);
      expectError(await api.call("POST", `/api/v1/events/${ev.id}/items`, { body: { ...item, priceCents: -1 } }), 400, "INVALID_BODY");
      expectError(await api.call("POST", `/api/v1/events/${ev.id}/items`, { body: { ...item, sku: "has space" } }), 400, "INVALID_BODY");
    });
  });

  describe("enrollment", () => {
    it("gives a single-use code with a link on the request's origin, or PUBLIC_URL", async () => {
      const ev = await api.createEvent();
      const e = await api.call("POST", `/api/v1/events/${ev.id}/enrollments`, { body: { role: "door", label: "North door" } });
      expect(e.status).toBe(201);
      expect(e.body.url).toBe(`http://localhost/enroll?code=${e.body.code}`);
      expect(e.body.expiresAt).toBeGreaterThan(Date.now() + 23.9 * 3600_000);
      expect(e.body.expiresAt).toBeLessThanOrEqual(Date.now() + 24 * 3600_000);
      const d = await api.call("POST", "/api/v1/enroll", { token: null, body: { code: e.body.code.toLowerCase(), label: "Phone 1" } });
      expect(d.status).toBe(201);
      expect(d.body).toMatchObject({ deviceId: expect.any(String), token: expect.any(String), eventId: ev.id, role: "door", event: ev });
      expect(Buffer.from(d.body.token, "base64url").length).toBeGreaterThanOrEqual(16);
      expectError(await api.call("POST", "/api/v1/enroll", { token: null, body: { code: e.body.code, label: "Phone 2" } }), 410, "ENROLLMENT_CODE_USED");
      const proxied = new TestApi(store.storage, { publicUrl: "https://doors.example.org/" });
      const p = await proxied.call("POST", `/api/v1/events/${ev.id}/enrollments`, { body: { role: "volunteer" } });
      expect(p.body.url).toBe(`https://doors.example.org/enroll?code=${p.body.code}`);
    });

    it("gives one device when two phones race with one code", async () => {
      const ev = await api.createEvent();
      const { code } = (await api.call("POST", `/api/v1/events/${ev.id}/enrollments`, { body: { role: "door" } })).body;
      const rs = await Promise.all([1, 2, 3].map((i) => api.call("POST", "/api/v1/enroll", { token: null, body: { code, label: `P${i}` } })));
      expect(rs.map((r) => r.status).sort()).toEqual([201, 410, 410]);
    });

    it("refuses an expired code with 410, an unknown one with 404, a bad role with 400", async () => {
      const ev = await api.createEvent();
      const { code } = (await api.call("POST", `/api/v1/events/${ev.id}/enrollments`, { body: { role: "door", ttlMinutes: 1 } })).body;
      const later = new TestApi(store.storage, { now: () => Date.now() + 61_000 });
      expectError(await later.call("POST", "/api/v1/enroll", { token: null, body: { code, label: "late" } }), 410, "ENROLLMENT_CODE_EXPIRED");
      const day = (await api.call("POST", `/api/v1/events/${ev.id}/enrollments`, { body: { role: "door" } })).body.code;
      const nextDay = new TestApi(store.storage, { now: () => Date.now() + 24 * 3600_000 + 1000 });
      expectError(await nextDay.call("POST", "/api/v1/enroll", { token: null, body: { code: day, label: "late" } }), 410, "ENROLLMENT_CODE_EXPIRED");
      expectError(await api.call("POST", "/api/v1/enroll", { token: null, body: { code: "AAAA-BBBB-CCCC", label: "x" } }), 404, "ENROLLMENT_CODE_NOT_FOUND");
      expectError(await api.call("POST", "/api/v1/enroll", { token: null, body: { label: "x" } }), 400, "INVALID_BODY");
      expectError(await api.call("POST", `/api/v1/events/${ev.id}/enrollments`, { body: { role: "bouncer" } }), 400, "INVALID_BODY");
    });
  });

  describe("roster", () => {
    it("serves the whole roster with the event, then only what changed, paged by cursor", async () => {
      const ev = await api.createEvent();
      const door = await api.enroll(ev.id);
      const issued = (await api.call("POST", `/api/v1/events/${ev.id}/passes`, {
        body: { passes: Array.from({ length: 25 }, (_, i) => ({ holder: `G${i}`, tier: "GA", entitlements: { drink: 2 } })) },
      })).body.passes;
      await api.call("POST", `/api/v1/events/${ev.id}/items`, { body: { sku: "CAP", name: "Cap", priceCents: 900, stock: 5 } });

      const pages: any[] = [];
      let cursor: string | undefined;
      do {
        const r = await door.roster(cursor, 10);
        expect(r.status).toBe(200);
        pages.push(r.body);
        cursor = r.body.cursor;
      } while (pages[pages.length - 1].more);
      expect(pages).toHaveLength(3);
      expect(pages[0].event).toEqual(ev);
      expect(pages[0].serverTime).toBeTypeOf("number");
      expect(pages[0].keys).toHaveLength(1);
      expect(pages[0].keys[0]).not.toHaveProperty("secretKey");
      expect(pages[0].items).toEqual([{ sku: "CAP", name: "Cap", priceCents: 900, stock: 5 }]);
      const all = pages.flatMap((p) => p.passes);
      expect(all.map((p: any) => p.id).sort()).toEqual(issued.map((p: any) => p.id).sort());
      expect(all[0]).toMatchObject({ holder: expect.any(String), tier: "GA", entitlements: { drink: 2 }, revoked: false });

      const empty = await door.roster(cursor);
      expect(empty.body).toMatchObject({ passes: [], keys: [], items: [], revoked: [], more: false });

      await api.call("POST", `/api/v1/events/${ev.id}/passes/${issued[3].id}/revoke`, { body: { reason: "refund" } });
      const rotated = (await api.call("POST", `/api/v1/events/${ev.id}/keys/rotate`)).body;
      const added = (await api.call("POST", `/api/v1/events/${ev.id}/passes`, { body: { passes: [{ holder: "Late", tier: "VIP" }] } })).body.passes[0];
      await api.call("POST", `/api/v1/events/${ev.id}/items`, { body: { sku: "CAP", name: "Cap", priceCents: 900, stock: 4 } });
      const delta = await door.roster(cursor);
      expect(delta.body.passes.map((p: any) => p.id)).toEqual([issued[3].id, added.id]);
      expect(delta.body.revoked).toEqual([issued[3].id]);
      expect(delta.body.passes[0]).toMatchObject({ revoked: true, revokeReason: "refund", revokedAt: expect.any(Number) });
      expect(delta.body.keys).toEqual([{ kid: rotated.kid, publicKey: rotated.publicKey }]);
      expect(delta.body.items).toEqual([{ sku: "CAP", name: "Cap", priceCents: 900, stock: 4 }]);

      const first = pages[0].keys[0].kid;
      await api.call("POST", `/api/v1/events/${ev.id}/keys/${first}/retire`);
      const retired = await door.roster(delta.body.cursor);
      expect(retired.body.keys).toEqual([{ kid: first, publicKey: pages[0].keys[0].publicKey, retired: true }]);
    });

    it("refuses a bad cursor or limit with 400", async () => {
      const ev = await api.createEvent();
      const door = await api.enroll(ev.id);
      expectError(await door.roster("garbage"), 400, "INVALID_CURSOR");
      expectError(await door.roster("r1.999999"), 400, "INVALID_CURSOR");
      expectError(await api.call("GET", "/api/v1/sync/roster?limit=0", { token: door.token }), 400, "INVALID_QUERY");
      expectError(await api.call("GET", "/api/v1/sync/roster?limit=abc", { token: door.token }), 400, "INVALID_QUERY");
    });
  });

  describe("errors in general", () => {
    it("answers unknown API routes with a JSON 404", async () => {
      expectError(await api.call("GET", "/api/v1/nothing-here"), 404, "NOT_FOUND");
      expectError(await api.call("DELETE", "/api/v1/events"), 404, "NOT_FOUND");
      expectError(await api.call("GET", "/api/v2/events"), 404, "NOT_FOUND");
    });

    it("answers health without a token", async () => {
      const r = await api.call("GET", "/api/v1/health", { token: null });
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({ ok: true, store: kind, serverTime: expect.any(Number) });
    });

    it("never answers bad input with a 500", async () => {
      const ev = await api.createEvent();
      const door = await api.enroll(ev.id);
      const junk = ["null", "[]", '"x"', "1e999", '{"entries": null}', '{"entries": {}}', '{"passes": "x"}', "\u0000", '{"a":'];
      for (const raw of junk) {
        for (const [method, path, token] of [
          ["POST", "/api/v1/events", HOST_TOKEN],
          ["POST", `/api/v1/events/${ev.id}/passes`, HOST_TOKEN],
          ["POST", `/api/v1/events/${ev.id}/items`, HOST_TOKEN],
          ["POST", `/api/v1/events/${ev.id}/enrollments`, HOST_TOKEN],
          ["POST", `/api/v1/events/${ev.id}/passes/aaaaaaaaaaaa/revoke`, HOST_TOKEN],
          ["POST", "/api/v1/enroll", null],
          ["POST", "/api/v1/sync/push", door.token],
        ] as const) {
          const r = await api.call(method, path, { raw, token });
          expect([400, 404], `${path} with ${raw} gave ${r.status}`).toContain(r.status);
          expect(r.body.error.code).toMatch(/^[A-Z_]+$/);
        }
      }
      const cursor = decodeCursor("");
      expect(cursor.ok).toBe(true);
      expectError(await door.pull("e30x"), 400, "INVALID_CURSOR");
      expectError(await door.pull(Buffer.from(JSON.stringify({ [door.id]: 2 ** 40 })).toString("base64url")), 400, "INVALID_CURSOR");
      expectError(await api.call("GET", "/api/v1/sync/pull", { token: door.token, headers: { "x-doorlist-device-time": "yesterday" } }), 400, "INVALID_HEADER");
    });
  });
});
