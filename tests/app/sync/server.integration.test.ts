/**
 * The sync client against the real server, in-process: the Hono app on PGlite in a temp
 * directory, requests through app.request() (no sockets). Two door devices, each on its own
 * fake-indexeddb database, enroll with real links, download the real roster, scan real passes,
 * push, pull, and see each other's admissions.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDoorApp } from "../../../src/app/commands/app.js";
import { DoorlistDB } from "../../../src/app/db/database.js";
import type { FetchLike } from "../../../src/app/sync/http.js";
import { tweetnaclVerifier } from "../../../src/pass/index.js";
import { TestApi } from "../../server/support/api.js";
import { openTestStore, type TestStore } from "../../server/support/stores.js";
import { freshName } from "../fixtures.js";


let store: TestStore;
let api: TestApi;
let eventId: string;
const codes: Record<string, string> = {};

const fetchVia: FetchLike = async (input, init) => api.app.request(input, init);

const host = <T,>(method: string, path: string, body?: unknown): Promise<T> => api.ok<T>(method, path, body);

beforeAll(async () => {
  store = await openTestStore("pglite");
  api = new TestApi(store.storage);
  const now = Date.now();
  const event = await host<{ id: string }>("POST", "/api/v1/events", { name: "Integration night", startsAt: now - 3_600_000, endsAt: now + 3_600_000, capacity: 50 });
  eventId = event.id;
  const issued = await host<{ passes: { id: string; code: string; holder: string }[] }>("POST", `/api/v1/events/${eventId}/passes`, {
    passes: [
      { holder: "Ann Lee", tier: "GA" },
      { holder: "Bob Ruiz", tier: "VIP" },
      { holder: "Cy Núñez", tier: "GA" },
    ],
  });
  for (const p of issued.passes) codes[p.holder] = p.code;
  codes["Cy id"] = issued.passes[2]!.id;
  await host("POST", `/api/v1/events/${eventId}/passes/${issued.passes[2]!.id}/revoke`, { reason: "refund" });
}, 60_000);

afterAll(async () => {
  await store?.cleanup();
});

async function door(label: string, fetch: FetchLike = fetchVia) {
  const link = await host<{ url: string }>("POST", `/api/v1/events/${eventId}/enrollments`, { role: "door" });
  const app = createDoorApp({ db: new DoorlistDB(freshName("it")), fetch, verifier: async () => tweetnaclVerifier, persist: async () => false });
  const progress: number[] = [];
  await app.send("device/enroll", { code: link.url, label, onProgress: (p) => progress.push(p.passes) });
  return { app, progress };
}

const scan = (app: ReturnType<typeof createDoorApp>, text: string) => app.send("door/scan", { text, source: "camera" });

describe("sync client against the real server", () => {
  it("enrolls, scans offline-style, pushes, and a second door sees the admission", async () => {
    let dropNextPushAnswer = false;
    let offline = false;
    const flaky: FetchLike = async (input, init) => {
      if (offline) throw new TypeError("Failed to fetch");
      const res = await fetchVia(input, init);
      if (dropNextPushAnswer && input.includes("/sync/push")) {
        dropNextPushAnswer = false;
        throw new TypeError("connection reset after the server committed");
      }
      return res;
    };
    const a = await door("North door", flaky);
    expect(a.progress.at(-1)).toBe(3);
    const got = await a.app.send("device/get", undefined);
    expect(got).toMatchObject({ device: { eventId, role: "door", label: "North door" }, event: { capacity: 50 } });
    expect(await a.app.send("door/search", { query: "nunez" })).toEqual([expect.objectContaining({ holder: "Cy Núñez", revoked: true })]);

    offline = true;
    expect((await scan(a.app, codes["Ann Lee"]!)).verdict).toBe("ADMIT");
    expect((await scan(a.app, codes["Cy Núñez"]!)).verdict).toBe("REVOKED");
    await a.app.send("door/save-settings", { tiers: ["GA"], reentry: true, mode: "entry" });
    expect((await scan(a.app, codes["Bob Ruiz"]!)).verdict).toBe("NOT_AT_THIS_DOOR");
    let status = await a.app.send("sync/now", undefined);
    expect(status).toMatchObject({ pending: 3 });
    expect(status.lastError).toMatch(/^offline/);

    offline = false;
    dropNextPushAnswer = true;
    status = await a.app.send("sync/now", undefined);
    expect(status.pending).toBe(3);
    status = await a.app.send("sync/now", undefined);
    expect(status).toMatchObject({ pending: 0, lastError: null });
    expect(status.clockOffsetMs).not.toBeNull();
    expect(Math.abs(status.clockOffsetMs!)).toBeLessThan(5_000);

    const b = await door("South door");
    await b.app.send("sync/now", undefined);
    expect(await b.app.db.remote.count()).toBe(3); // once each, despite the retried batch
    const again = await scan(b.app, codes["Ann Lee"]!);
    expect(again.verdict).toBe("ALREADY_IN");
    expect(again.previous?.where).toBe("North door");
    expect(await b.app.send("door/counts", undefined)).toMatchObject({ insideNow: 1, admitted: 1, capacity: 50 });

    // b's denial flows back to a, and a's own entries are not applied twice
    await b.app.send("sync/now", undefined);
    await a.app.send("sync/now", undefined);
    expect(await a.app.send("door/counts", undefined)).toMatchObject({ insideNow: 1, admitted: 1 });
    expect(await a.app.db.remote.count()).toBe(1);
  });

  it("picks up revocations and new passes in a later roster sync", async () => {
    const a = await door("East door");
    const more = await host<{ passes: { id: string; code: string }[] }>("POST", `/api/v1/events/${eventId}/passes`, {
      passes: [{ holder: "Dee Late", tier: "GA" }],
    });
    const late = more.passes[0]!;
    // Issued after the last sync, validly signed: admitted without a name.
    const out = await scan(a.app, late.code);
    expect(out.verdict).toBe("ADMIT");
    expect(out.holder).toBeUndefined();
    await host("POST", `/api/v1/events/${eventId}/passes/${late.id}/revoke`, {});
    await a.app.send("sync/now", undefined);
    expect((await a.app.db.getPass(late.id))?.holder).toBe("Dee Late");
    expect(await a.app.db.revocations.get(late.id)).toBeDefined();
    expect((await a.app.send("door/search", { query: "dee" }))[0]).toMatchObject({ revoked: true });
  });
});
