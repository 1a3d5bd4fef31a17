/**
 * Volunteer mode against the real server, in-process (PGlite in a temp dir): two volunteer
 * devices on their own fake-indexeddb databases enroll, sell, pick up, void and count cash
 * through the command handlers, and sync through the same outbox and pull as the door.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDoorApp, type DoorApp } from "../../../src/app/commands/app.js";
import { DoorlistDB } from "../../../src/app/db/database.js";
import type { FetchLike } from "../../../src/app/sync/http.js";
import { tweetnaclVerifier } from "../../../src/pass/index.js";
import { TestApi } from "../../server/support/api.js";
import { openTestStore, type TestStore } from "../../server/support/stores.js";
import { freshName } from "../fixtures.js";

let store: TestStore;
let api: TestApi;
let eventId: string;
const passes: Record<string, { id: string; code: string }> = {};

const host = <T,>(method: string, path: string, body?: unknown): Promise<T> => api.ok<T>(method, path, body);

beforeAll(async () => {
  store = await openTestStore("pglite");
  api = new TestApi(store.storage);
  const now = Date.now();
  eventId = (await host<{ id: string }>("POST", "/api/v1/events", { name: "Market day", startsAt: now - 3_600_000, endsAt: now + 3_600_000 })).id;
  await host("POST", `/api/v1/events/${eventId}/items`, { sku: "tee", name: "T-shirt", priceCents: 2000, stock: 5 });
  await host("POST", `/api/v1/events/${eventId}/items`, { sku: "tote", name: "Tote bag", priceCents: 800, stock: 3 });
  const issued = await host<{ passes: { id: string; code: string; holder: string }[] }>("POST", `/api/v1/events/${eventId}/passes`, {
    passes: [
      { holder: "Ann Lee", tier: "Runner", entitlements: { kit: 1, tote: 1 } },
      { holder: "Bob Ruiz", tier: "Runner", entitlements: { kit: 1 } },
    ],
  });
  for (const p of issued.passes) passes[p.holder] = p;
}, 60_000);

afterAll(async () => {
  await store?.cleanup();
});

/** A volunteer device whose network can be cut. */
async function volunteer(label: string, start = Date.now()) {
  let offline = false;
  let t = start;
  const fetch: FetchLike = async (input, init) => {
    if (offline) throw new TypeError("Failed to fetch");
    return api.app.request(input, init);
  };
  const link = await host<{ url: string }>("POST", `/api/v1/events/${eventId}/enrollments`, { role: "volunteer", label });
  const app: DoorApp = createDoorApp({ db: new DoorlistDB(freshName("vol")), fetch, now: () => t, verifier: async () => tweetnaclVerifier, persist: async () => false });
  await app.send("device/enroll", { code: link.url, label });
  return {
    app,
    setOffline: (v: boolean) => void (offline = v),
    advance: (ms: number) => void (t += ms),
    left: async (sku: string) => (await app.send("volunteer/catalog", undefined)).find((i) => i.sku === sku)?.left,
  };
}

describe("volunteer mode", () => {
  it("stock left counts every synced device and this one's unsynced sales; voids give stock back; oversell warns, never blocks", async () => {
    const a = await volunteer("Table A");
    const b = await volunteer("Table B");
    expect(await a.left("tote")).toBe(3);
    a.setOffline(true);
    b.setOffline(true);
    const s1 = await a.app.send("volunteer/sell", { lines: [{ sku: "tote", quantity: 2 }, { sku: "tee", quantity: 1 }], method: "cash" });
    expect(s1).toMatchObject({ totalCents: 3600, method: "cash", oversold: [] });
    const s2 = await b.app.send("volunteer/sell", { lines: [{ sku: "tote", quantity: 2 }], method: "card" });
    expect(s2.oversold).toEqual([]);
    // each device sees only its own sale while offline
    expect(await a.left("tote")).toBe(1);
    expect(await b.left("tote")).toBe(1);
    expect((await a.app.send("sync/status", undefined)).pending).toBe(1);

    a.setOffline(false);
    b.setOffline(false);
    await a.app.send("sync/now", undefined);
    await b.app.send("sync/now", undefined);
    await a.app.send("sync/now", undefined);
    expect(await a.left("tote")).toBe(-1);
    expect(await b.left("tote")).toBe(-1);
    expect(await a.left("tee")).toBe(4);

    // selling past zero: recorded all the same, with the warning
    const s3 = await a.app.send("volunteer/sell", { lines: [{ sku: "tote", quantity: 1 }], method: "comp" });
    expect(s3).toMatchObject({ totalCents: 0, oversold: [{ sku: "tote", name: "Tote bag", left: -2 }] });

    // B voids its sale: B's stock moves at once, A's after the pull
    await b.app.send("volunteer/void", { entryId: s2.entryId, reason: "card declined" });
    expect(await b.left("tote")).toBe(1);
    await b.app.send("sync/now", undefined);
    await a.app.send("sync/now", undefined);
    expect(await a.left("tote")).toBe(0);
    await expect(b.app.send("volunteer/void", { entryId: s2.entryId, reason: "again" })).rejects.toThrow(/already voided/);
    const recent = await b.app.send("volunteer/recent", undefined);
    expect(recent[0]).toMatchObject({ entryId: s2.entryId, type: "sale", voided: true, voidReason: "card declined", lines: [{ sku: "tote", name: "Tote bag", quantity: 2 }] });
  });

  it("pickup: entitlements left across devices, and a repeat pickup warns with when and where", async () => {
    const a = await volunteer("Kit desk 1");
    const b = await volunteer("Kit desk 2");
    const ann = passes["Ann Lee"]!;
    const found = await a.app.send("volunteer/pickup-find", { text: ann.code });
    expect(found).toMatchObject({ ok: true, lookup: { holder: "Ann Lee", revoked: false, previous: [] } });
    if (!found.ok) throw new Error("unreachable");
    expect(found.lookup.entitlements).toEqual([
      { name: "kit", entitled: 1, taken: 0, left: 1 },
      { name: "tote", entitled: 1, taken: 0, left: 1 },
    ]);
    expect(await a.app.send("volunteer/pickup-find", { text: "HELLO" })).toMatchObject({ ok: false, reason: "NOT_A_PASS" });

    const first = await a.app.send("volunteer/pickup", { passId: ann.id, items: { kit: 1 } });
    expect(first.repeated).toEqual([]);
    expect(first.lookup.entitlements.find((e) => e.name === "kit")).toMatchObject({ taken: 1, left: 0 });
    // here, at once: the same desk warns too
    const again = await a.app.send("volunteer/pickup-lookup", { passId: ann.id });
    expect(again.previous).toMatchObject([{ entryId: first.entryId, where: "Kit desk 1", here: true }]);

    await a.app.send("sync/now", undefined);
    await b.app.send("sync/now", undefined);
    const onB = await b.app.send("volunteer/pickup-lookup", { passId: ann.id });
    expect(onB.entitlements).toEqual([
      { name: "kit", entitled: 1, taken: 1, left: 0 },
      { name: "tote", entitled: 1, taken: 0, left: 1 },
    ]);
    expect(onB.previous).toMatchObject([{ where: "Kit desk 1", here: false, items: { kit: 1 } }]);
    const dup = await b.app.send("volunteer/pickup", { passId: ann.id, items: { kit: 1, tote: 1 } });
    expect(dup.repeated).toEqual([{ name: "kit", entitled: 1, takenBefore: 1, now: 1 }]);
    expect(dup.previous).toMatchObject([{ entryId: first.entryId, where: "Kit desk 1", deviceId: expect.any(String) }]);
    expect(dup.previous[0]!.at).toBeTypeOf("number");

    // A voids its pickup: after sync, B sees one kit taken (its own) and none left
    await a.app.send("volunteer/void", { entryId: first.entryId, reason: "handed to the wrong person" });
    await a.app.send("sync/now", undefined);
    await b.app.send("sync/now", undefined);
    const after = await b.app.send("volunteer/pickup-lookup", { passId: ann.id });
    expect(after.entitlements.find((e) => e.name === "kit")).toMatchObject({ taken: 1, left: 0 });
    expect(after.previous.map((p) => p.voided)).toEqual([true, false]);
  });

  it("shift close: expected cash is this shift's cash sales less voided cash sales; a new shift starts after", async () => {
    const a = await volunteer("Till");
    const before = await a.app.send("volunteer/shift", undefined);
    expect(before.current).toMatchObject({ id: "shift-1", openedAt: null, expectedCents: 0 });
    await a.app.send("volunteer/sell", { lines: [{ sku: "tee", quantity: 2 }], method: "cash" }); // 4000
    await a.app.send("volunteer/sell", { lines: [{ sku: "tee", quantity: 1 }], method: "card" }); // not cash
    const refunded = await a.app.send("volunteer/sell", { lines: [{ sku: "tote", quantity: 1 }], method: "cash" }); // 800
    await a.app.send("volunteer/void", { entryId: refunded.entryId, reason: "changed mind" });
    const open = await a.app.send("volunteer/shift", undefined);
    expect(open.current).toMatchObject({ id: "shift-1", cashSalesCents: 4800, refundsCents: 800, expectedCents: 4000, sales: 3 });

    const closed = await a.app.send("volunteer/close-shift", { countedCents: 3500 });
    expect(closed.closed).toMatchObject({ id: "shift-1", expectedCents: 4000, countedCents: 3500, differenceCents: -500 });
    expect(closed.next).toMatchObject({ id: "shift-2", expectedCents: 0, openedAt: null });
    const sale2 = await a.app.send("volunteer/sell", { lines: [{ sku: "tee", quantity: 1 }], method: "cash" });
    expect(sale2.shift).toBe("shift-2");
    const view = await a.app.send("volunteer/shift", undefined);
    expect(view.current).toMatchObject({ id: "shift-2", expectedCents: 2000 });
    expect(view.closed.map((s) => s.id)).toEqual(["shift-1"]);
    // the count is an entry like any other: in the log, waiting in the outbox
    const log = await a.app.db.log.toArray();
    expect(log.find((e) => e.type === "cash_count")).toMatchObject({ data: { countedCents: 3500, expectedCents: 4000, shift: "shift-1", label: "Till" } });
  });
});
