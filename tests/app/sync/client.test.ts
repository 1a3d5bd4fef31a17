import { describe, expect, it, vi } from "vitest";
import { tweetnaclVerifier } from "../../../src/pass/index.js";
import type { RosterPass } from "../../../src/sync/index.js";
import { createDoorApp, type DoorAppDeps } from "../../../src/app/commands/app.js";
import type { AppEvent, RosterProgress } from "../../../src/app/commands/types.js";
import { DoorlistDB } from "../../../src/app/db/database.js";
import { enrollmentCodeFrom } from "../../../src/app/sync/client.js";
import { clock, EVENT_ID, freshName, KEY, NOW, passId, passText } from "../fixtures.js";
import { FakeServer } from "./fakeServer.js";

function rosterOf(n: number, extra: Partial<RosterPass> = {}): RosterPass[] {
  return Array.from({ length: n }, (_, i) => ({
    id: passId(i + 1),
    holder: `Guest ${i + 1}`,
    tier: i % 2 === 0 ? "GA" : "VIP",
    entitlements: {},
    validFrom: null,
    validUntil: null,
    revoked: false,
    ...extra,
  }));
}

function setup(server: FakeServer, over: Partial<DoorAppDeps> = {}) {
  const c = clock();
  const events: AppEvent[] = [];
  const app = createDoorApp({
    db: new DoorlistDB(freshName("sync")),
    fetch: server.fetch,
    now: c.now,
    random: () => 0.5,
    verifier: async () => tweetnaclVerifier,
    persist: async () => true,
    ...over,
  });
  app.subscribe((e) => events.push(e));
  return { app, c, events };
}

async function enrolled(server: FakeServer, deviceId = "dev-a", label = "North door", over: Partial<DoorAppDeps> = {}) {
  server.addDevice(`CODE-${deviceId}`, deviceId);
  const s = setup(server, over);
  await s.app.send("device/enroll", { code: `CODE-${deviceId}`, label });
  return s;
}

function newServer(passes = 5): FakeServer {
  const server = new FakeServer(EVENT_ID);
  server.keys = [KEY];
  server.passes = rosterOf(passes);
  return server;
}

describe("enrollment and roster", () => {
  it("enrolls, stores the identity, downloads the roster page by page with progress", async () => {
    const server = newServer(7);
    server.passes[2] = { ...server.passes[2]!, revoked: true, revokedAt: NOW - 1000 };
    server.addDevice("ABCD-EFGH-JKMN", "dev-a");
    const { app, events } = setup(server, { limits: { roster: 3 } });
    const progress: RosterProgress[] = [];
    const device = await app.send("device/enroll", {
      code: "https://door.example/enroll?code=ABCD-EFGH-JKMN",
      label: " North door ",
      onProgress: (p) => progress.push(p),
    });
    expect(device).toMatchObject({ deviceId: "dev-a", eventId: EVENT_ID, role: "door", label: "North door" });
    expect(progress.map((p) => [p.passes, p.done])).toEqual([
      [0, false],
      [3, false],
      [6, false],
      [7, true],
    ]);
    expect(progress.at(-1)!.bytes).toBeGreaterThan(0);
    expect(events.filter((e) => e.type === "roster-progress")).toHaveLength(4);
    expect(await app.db.countPasses()).toBe(7);
    expect(await app.db.revocations.get(passId(3))).toBeDefined();
    expect((await app.db.keys.get(KEY.kid))?.publicKey).toEqual(KEY.publicKey);
    const got = await app.send("device/get", undefined);
    expect(got?.event?.capacity).toBe(100);
    expect(JSON.stringify(got)).not.toContain("tok-");
    expect(await app.send("door/tiers", undefined)).toEqual(["GA", "VIP"]);
    const rosterCalls = server.calls.filter((c) => c.path.startsWith("/api/v1/sync/roster"));
    expect(rosterCalls.map((c) => new URL(c.path, "http://x").searchParams.get("cursor"))).toEqual([null, "3", "6"]);
  });

  it("a later roster sync adds and lifts revocations", async () => {
    const server = newServer(4);
    const { app } = await enrolled(server);
    expect(await app.db.revocations.count()).toBe(0);
    server.passes[1] = { ...server.passes[1]!, revoked: true };
    await app.db.patchSyncState({ rosterCursor: null }); // the fake server's cursor is an offset
    await app.send("sync/now", undefined);
    expect((await app.db.revocations.toCollection().primaryKeys())).toEqual([passId(2)]);
    expect((await app.send("door/admit-pass", { passId: passId(2) })).verdict).toBe("REVOKED");
    server.passes[1] = { ...server.passes[1]!, revoked: false };
    await app.db.patchSyncState({ rosterCursor: null });
    await app.send("sync/now", undefined);
    expect(await app.db.revocations.count()).toBe(0);
    expect((await app.send("door/admit-pass", { passId: passId(2) })).verdict).toBe("ADMIT");
  });

  it("a used code answers 410 and leaves the device unenrolled", async () => {
    const server = newServer();
    server.addDevice("C1", "dev-a");
    await setup(server).app.send("device/enroll", { code: "C1", label: "x" });
    const second = setup(server);
    await expect(second.app.send("device/enroll", { code: "C1", label: "y" })).rejects.toMatchObject({ status: 410 });
    expect(await second.app.send("device/get", undefined)).toBeNull();
  });

  it("reads codes out of links", () => {
    expect(enrollmentCodeFrom("https://h/enroll?code=AB12-CD34")).toBe("AB12-CD34");
    expect(enrollmentCodeFrom("https://h/#code=XY")).toBe("XY");
    expect(enrollmentCodeFrom("  AB12-CD34 ")).toBe("AB12-CD34");
  });

  it("sends the device clock on every request and the token on every device request", async () => {
    const server = newServer();
    const { app, c } = await enrolled(server);
    await app.send("door/scan", { text: passText({ passId: passId(1) }), source: "camera" });
    c.advance(500);
    await app.send("sync/now", undefined);
    expect(server.calls.length).toBeGreaterThan(3);
    for (const call of server.calls) {
      expect(call.headers["X-Doorlist-Device-Time"]).toMatch(/^\d+$/);
      if (call.path !== "/api/v1/enroll") expect(call.headers.Authorization).toBe("Bearer tok-dev-a");
    }
    expect(server.calls.at(-1)!.headers["X-Doorlist-Device-Time"]).toBe(String(NOW + 500));
    // the fake server runs 1234 ms ahead of this device (and answers instantly)
    expect((await app.send("sync/status", undefined)).clockOffsetMs).toBe(server.serverTime - (NOW + 500));
  });
});

describe("push", () => {
  async function scanMany(app: Awaited<ReturnType<typeof enrolled>>["app"], c: ReturnType<typeof clock>, n: number) {
    for (let i = 1; i <= n; i++) {
      await app.send("door/scan", { text: passText({ passId: passId(100 + i) }), source: "camera" });
      c.advance(10);
    }
  }

  it("pushes in seq order in batches and empties the outbox", async () => {
    const server = newServer();
    const { app, c } = await enrolled(server, "dev-a", "North door", { limits: { push: 2 } });
    await scanMany(app, c, 5);
    expect((await app.send("sync/status", undefined)).pending).toBe(5);
    const status = await app.send("sync/now", undefined);
    expect(status).toMatchObject({ pending: 0, lastError: null, syncing: false, lastSyncAt: NOW + 50 });
    const pushes = server.calls.filter((x) => x.path === "/api/v1/sync/push");
    expect(pushes.map((p) => (p.body as { entries: { seq: number }[] }).entries.map((e) => e.seq))).toEqual([[1, 2], [3, 4], [5]]);
    expect(server.contiguous("dev-a")).toBe(5);
    expect(await app.db.log.count()).toBe(5);
  });

  it("removes only what the server acknowledges", async () => {
    const server = newServer();
    const { app, c } = await enrolled(server);
    await scanMany(app, c, 4);
    server.ackCap = 2;
    const status = await app.send("sync/now", undefined);
    expect((await app.db.outbox.toArray()).map((o) => o.seq)).toEqual([3, 4]);
    expect(status.pending).toBe(2);
    expect(status.lastError).toContain("through seq 2");
  });

  it("keeps everything on 409, 400, 500 and offline, and says why", async () => {
    const server = newServer();
    const { app, c } = await enrolled(server);
    await scanMany(app, c, 3);
    // seq 1 already on the server with other content
    server.entries.set("dev-a", new Map([[1, { id: "dev-a-1", deviceId: "dev-a", seq: 1, type: "exit", at: NOW, passId: passId(1) }]]));
    let status = await app.send("sync/now", undefined);
    expect(status.pending).toBe(3);
    expect(status.lastError).toContain("SEQ_CONFLICT");
    server.entries.clear();

    server.reject400 = 1;
    status = await app.send("sync/now", undefined);
    expect(status.pending).toBe(3);
    expect(status.lastError).toContain("INVALID_ENTRY");

    server.fail500 = 1;
    status = await app.send("sync/now", undefined);
    expect(status.pending).toBe(3);
    expect(status.lastError).toContain("500");

    server.offline = true;
    status = await app.send("sync/now", undefined);
    expect(status.pending).toBe(3);
    expect(status.lastError).toMatch(/^offline/);
    expect(await app.db.outbox.count()).toBe(3);

    server.offline = false;
    status = await app.send("sync/now", undefined);
    expect(status).toMatchObject({ pending: 0, lastError: null });
  });

  it("a batch retried after a lost answer is not stored twice", async () => {
    const server = newServer();
    const { app, c } = await enrolled(server);
    await scanMany(app, c, 3);
    server.losePushAnswers = 1;
    let status = await app.send("sync/now", undefined);
    expect(status.pending).toBe(3); // the server has them, but this device cannot know
    expect(server.contiguous("dev-a")).toBe(3);
    status = await app.send("sync/now", undefined);
    expect(status.pending).toBe(0);
    expect(server.allEntries()).toHaveLength(3);
    const pushes = server.calls.filter((x) => x.path === "/api/v1/sync/push");
    expect(pushes).toHaveLength(2);
    expect(pushes[0]!.body).toEqual(pushes[1]!.body);
  });

  it("puts entries back in the outbox when the server has lost them", async () => {
    const server = newServer();
    const { app, c } = await enrolled(server);
    await scanMany(app, c, 2);
    await app.send("sync/now", undefined);
    server.entries.clear(); // the server was restored from an older backup
    c.advance(5000);
    await scanMany(app, c, 1);
    expect((await app.db.outbox.toArray()).map((o) => o.seq)).toEqual([3]);
    const status = await app.send("sync/now", undefined);
    expect(status.pending).toBe(0);
    expect(server.contiguous("dev-a")).toBe(3);
  });
});

describe("pull", () => {
  it("another device's admission makes this door say ALREADY_IN, with where and when", async () => {
    const server = newServer();
    const a = await enrolled(server, "dev-a", "North door");
    const b = await enrolled(server, "dev-b", "South door");
    const text = passText({ passId: passId(1) });
    a.c.set(NOW + 60_000);
    expect((await a.app.send("door/scan", { text, source: "camera" })).verdict).toBe("ADMIT");
    await a.app.send("sync/now", undefined);
    b.c.set(NOW + 120_000);
    await b.app.send("sync/now", undefined);
    const out = await b.app.send("door/scan", { text, source: "camera" });
    expect(out).toMatchObject({ verdict: "ALREADY_IN", previous: { at: NOW + 60_000, where: "North door" } });
    expect(await b.app.send("door/counts", undefined)).toMatchObject({ insideNow: 1, admitted: 1, capacity: 100 });
    const [match] = await b.app.send("door/search", { query: "guest 1" });
    expect(match).toMatchObject({ passId: passId(1), admittedAt: NOW + 60_000 });
    // b's own entries come back in its next pull and are not applied twice
    await b.app.send("sync/now", undefined);
    await a.app.send("sync/now", undefined);
    expect(await b.app.send("door/counts", undefined)).toMatchObject({ insideNow: 1, admitted: 1 });
    expect(await a.app.db.remote.count()).toBe(1); // b's deny, not a's own admit
    expect(await b.app.db.remote.count()).toBe(1);
  });

  it("pages through the version vector and applies each entry once", async () => {
    const server = newServer();
    const a = await enrolled(server, "dev-a", "North door");
    const b = await enrolled(server, "dev-b", "South door", { limits: { pull: 2 } });
    for (let i = 1; i <= 5; i++) {
      await a.app.send("door/scan", { text: passText({ passId: passId(i) }), source: "camera" });
      a.c.advance(10);
    }
    await a.app.send("sync/now", undefined);
    await b.app.send("sync/now", undefined);
    const pulls = server.calls.filter((x) => x.path.startsWith("/api/v1/sync/pull") && x.headers.Authorization === "Bearer tok-dev-b");
    expect(pulls.length).toBeGreaterThanOrEqual(3);
    expect(await b.app.db.remote.count()).toBe(5);
    expect(await b.app.send("door/counts", undefined)).toMatchObject({ insideNow: 5, admitted: 5 });
    expect(await b.app.db.passState.count()).toBe(5);
  });
});

describe("device commands", () => {
  it("wipe refuses while entries are pending unless the loss is confirmed", async () => {
    const server = newServer();
    const { app } = await enrolled(server);
    await app.send("door/scan", { text: passText({ passId: passId(1) }), source: "camera" });
    expect(await app.send("device/wipe", { confirmLoss: false })).toEqual({ wiped: false, pending: 1 });
    expect(await app.db.log.count()).toBe(1);
    expect(await app.send("device/wipe", { confirmLoss: true })).toEqual({ wiped: true });
    expect(await app.send("device/get", undefined)).toBeNull();
    expect(await app.db.countPasses()).toBe(0);
  });

  it("wipe after a full sync needs no confirmation", async () => {
    const server = newServer();
    const { app } = await enrolled(server);
    await app.send("door/scan", { text: passText({ passId: passId(1) }), source: "camera" });
    await app.send("sync/now", undefined);
    expect(await app.send("device/wipe", { confirmLoss: false })).toEqual({ wiped: true });
  });

  it("search ignores case and accents, finds surnames, and flags revoked passes", async () => {
    const server = newServer(0);
    server.passes = [
      { id: passId(1), holder: "José Núñez", tier: "GA", entitlements: {}, revoked: false },
      { id: passId(2), holder: "Ana María López", tier: "VIP", entitlements: {}, revoked: true },
      { id: passId(3), holder: "Joseph Cole", tier: "GA", entitlements: {}, revoked: false },
    ];
    const { app } = await enrolled(server);
    // in the order of the normalized index: "jose nunez" < "joseph cole"
    expect((await app.send("door/search", { query: "JOSE" })).map((m) => m.holder)).toEqual(["José Núñez", "Joseph Cole"]);
    expect((await app.send("door/search", { query: "nunez" })).map((m) => m.holder)).toEqual(["José Núñez"]);
    expect(await app.send("door/search", { query: "lópez" })).toEqual([{ passId: passId(2), holder: "Ana María López", tier: "VIP", revoked: true }]);
    expect(await app.send("door/search", { query: "  " })).toEqual([]);
    expect((await app.send("door/search", { query: "j", limit: 1 })).length).toBe(1);
    expect((await app.send("door/search", { query: passId(3) })).map((m) => m.holder)).toEqual(["Joseph Cole"]);
    const manual = await app.send("door/admit-pass", { passId: passId(2) });
    expect(manual.verdict).toBe("REVOKED");
  });

  it("search finds passes on every roster page by any word, and a pass renamed by a later sync by its new name only", async () => {
    const server = newServer(0);
    server.passes = Array.from({ length: 7 }, (_, i) => ({ id: passId(i + 1), holder: `Guest ${i + 1} Örn`, tier: i % 2 ? "VIP" : "GA", entitlements: {}, revoked: false }));
    const { app } = await enrolled(server, "dev-a", "North door", { limits: { roster: 3 } });
    expect(await app.db.names.count()).toBe(3);
    expect((await app.send("door/search", { query: "orn" })).map((m) => m.passId)).toEqual([1, 2, 3, 4, 5, 6, 7].map(passId));
    expect((await app.send("door/search", { query: "guest 7" })).map((m) => m.passId)).toEqual([passId(7)]);
    server.passes.push({ id: passId(2), holder: "Zoë Quinn", tier: "CREW", entitlements: {}, revoked: false });
    await app.send("sync/now", undefined);
    expect((await app.send("door/search", { query: "guest 2" })).map((m) => m.passId)).toEqual([]);
    expect(await app.send("door/search", { query: "ZOE" })).toEqual([{ passId: passId(2), holder: "Zoë Quinn", tier: "CREW", revoked: false }]);
    expect((await app.send("door/search", { query: "qui" })).map((m) => m.holder)).toEqual(["Zoë Quinn"]);
    expect(await app.send("door/tiers", undefined)).toEqual(["CREW", "GA", "VIP"]);
  });

  it("settings and label round-trip; scans announce what changed", async () => {
    const server = newServer();
    const { app, events } = await enrolled(server);
    expect(await app.send("door/settings", undefined)).toEqual({ tiers: null, reentry: true, mode: "entry" });
    await app.send("door/save-settings", { tiers: ["GA", "GA"], reentry: false, mode: "exit" });
    expect(await app.send("door/settings", undefined)).toEqual({ tiers: ["GA"], reentry: false, mode: "exit" });
    await app.send("device/set-label", { label: "Side gate" });
    expect((await app.send("device/get", undefined))?.device.label).toBe("Side gate");
    events.length = 0;
    await app.send("door/scan", { text: "junk", source: "typed" });
    expect(events.some((e) => e.type === "data-changed" && e.tables.includes("outbox"))).toBe(true);
    // The status is announced after the scan's transaction, asynchronously: wait for it, not for a fixed time.
    await vi.waitFor(() => expect(events.some((e) => e.type === "sync-status" && e.status.pending === 1)).toBe(true), { timeout: 5000 });
    expect((await app.db.log.get(1))?.data).toMatchObject({ door: "Side gate" });
  });
});
