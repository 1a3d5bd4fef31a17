import { describe, expect, it, vi } from "vitest";
import { createDoorApp } from "../../../src/app/commands/app.js";
import { DoorlistDB } from "../../../src/app/db/database.js";
import type { SchedulerEnv } from "../../../src/app/sync/service.js";
import { tweetnaclVerifier } from "../../../src/pass/index.js";
import { clock, EVENT_ID, freshName, KEY, passId, passText } from "../fixtures.js";
import { FakeServer } from "./fakeServer.js";

/** A hand-driven browser: listeners to fire, one pending timer to run. */
function fakeEnv() {
  const listeners = new Map<string, Set<() => void>>();
  const target = {
    addEventListener: (t: string, l: () => void) => void (listeners.get(t) ?? listeners.set(t, new Set()).get(t)!).add(l),
    removeEventListener: (t: string, l: () => void) => void listeners.get(t)?.delete(l),
  };
  const timers = new Map<number, { fn: () => void; ms: number }>();
  let nextId = 1;
  const page = { ...target, visibilityState: "hidden" };
  const env: SchedulerEnv = {
    network: target,
    page,
    setTimeout: (fn, ms) => {
      const id = nextId++;
      timers.set(id, { fn, ms });
      return id;
    },
    clearTimeout: (h) => void timers.delete(h as number),
  };
  return {
    env,
    page,
    fire: (t: string) => listeners.get(t)?.forEach((l) => l()),
    listenerCount: () => [...listeners.values()].reduce((n, s) => n + s.size, 0),
    timers,
    runTimers: () => {
      const due = [...timers.entries()];
      timers.clear();
      for (const [, t] of due) t.fn();
    },
  };
}

/** Waits for the running sync to finish (a condition, not a guess at how long it takes under load). */
async function settle(app: ReturnType<typeof createDoorApp>): Promise<void> {
  await vi.waitFor(() => expect(app.sync.syncing).toBe(false), { timeout: 10_000, interval: 5 });
  await new Promise((r) => setTimeout(r, 5));
}

async function setup() {
  const server = new FakeServer(EVENT_ID);
  server.keys = [KEY];
  server.addDevice("C", "dev-a");
  const c = clock();
  let online = true;
  const app = createDoorApp({
    db: new DoorlistDB(freshName("svc")),
    fetch: server.fetch,
    now: c.now,
    random: () => 0,
    isOnline: () => online,
    verifier: async () => tweetnaclVerifier,
    persist: async () => false,
    intervalMs: 15_000,
  });
  await app.send("device/enroll", { code: "C", label: "Gate" });
  return { server, app, c, setOnline: (v: boolean) => void (online = v) };
}

describe("sync scheduling", () => {
  it("runs one sync at a time: a second request joins the first", async () => {
    const { server, app } = await setup();
    await app.send("door/scan", { text: passText({ passId: passId(1) }), source: "camera" });
    const before = server.calls.length;
    const [s1, s2] = await Promise.all([app.send("sync/now", undefined), app.send("sync/now", undefined)]);
    expect(s1).toEqual(s2);
    expect(server.calls.slice(before).filter((c) => c.path === "/api/v1/sync/push")).toHaveLength(1);
  });

  it("syncs on start, on the interval, on online and on becoming visible; backs off after failures", async () => {
    const { server, app, setOnline } = await setup();
    const f = fakeEnv();
    const stop = app.startSync(f.env);
    await settle(app);
    const pulls = () => server.calls.filter((c) => c.path.startsWith("/api/v1/sync/pull")).length;
    expect(pulls()).toBe(1);
    expect([...f.timers.values()].map((t) => t.ms)).toEqual([15_000]);

    f.runTimers();
    await settle(app);
    expect(pulls()).toBe(2);

    server.offline = true;
    f.runTimers();
    await settle(app);
    expect(app.sync.consecutiveFailures).toBe(1);
    // random() = 0: the lower bound, half of base·2^0
    expect([...f.timers.values()].map((t) => t.ms)).toEqual([1000]);
    f.runTimers();
    await settle(app);
    expect([...f.timers.values()].map((t) => t.ms)).toEqual([2000]);
    expect((await app.send("sync/status", undefined)).lastError).toMatch(/^offline/);

    // offline according to the browser: the timer does not even try
    setOnline(false);
    const calls = server.calls.length;
    f.runTimers();
    await settle(app);
    expect(server.calls.length).toBe(calls);

    server.offline = false;
    setOnline(true);
    f.fire("online");
    await settle(app);
    expect(app.sync.consecutiveFailures).toBe(0);
    expect((await app.send("sync/status", undefined)).lastError).toBeNull();

    const n = pulls();
    f.page.visibilityState = "visible";
    f.fire("visibilitychange");
    await settle(app);
    expect(pulls()).toBe(n + 1);

    stop();
    expect(f.listenerCount()).toBe(0);
    expect(f.timers.size).toBe(0);
  });

  it("a scan brings the next sync forward, so other doors hear of it soon", async () => {
    const { server, app } = await setup();
    const f = fakeEnv();
    app.startSync(f.env);
    await settle(app);
    expect([...f.timers.values()].map((t) => t.ms)).toEqual([15_000]);
    await app.send("door/scan", { text: passText({ passId: passId(3) }), source: "camera" });
    expect([...f.timers.values()].map((t) => t.ms)).toEqual([2_000]);
    f.runTimers();
    await settle(app);
    expect(server.contiguous("dev-a")).toBe(1);
    expect([...f.timers.values()].map((t) => t.ms)).toEqual([15_000]);
    // while backing off, scans wait for the backoff instead
    server.offline = true;
    f.runTimers();
    await settle(app);
    const backoff = [...f.timers.values()].map((t) => t.ms);
    await app.send("door/scan", { text: passText({ passId: passId(4) }), source: "camera" });
    expect([...f.timers.values()].map((t) => t.ms)).toEqual(backoff);
    app.sync.stop();
  });

  it("scanning is not blocked while a sync waits on the network", async () => {
    const { server, app } = await setup();
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => (release = r));
    const realFetch = server.fetch;
    // Hold every request until released.
    const slow = createDoorApp({
      db: app.db,
      fetch: async (i, init) => {
        await gate;
        return realFetch(i, init);
      },
      verifier: async () => tweetnaclVerifier,
    });
    const syncing = slow.send("sync/now", undefined);
    await vi.waitFor(() => expect(slow.sync.syncing).toBe(true), { timeout: 10_000, interval: 2 });
    const out = await slow.send("door/scan", { text: passText({ passId: passId(2) }), source: "camera" });
    expect(out.verdict).toBe("ADMIT");
    release();
    expect((await syncing).lastError).toBeNull();
  });
});
