/**
 * Push and pull as DESIGN.md's "The log and its sync" states them, on PGlite and on a real
 * PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_BODY_BYTES, type Entry } from "../../../src/sync/index.js";
import { TestApi, type TestDevice } from "../support/api.js";
import { openTestStore, STORE_KINDS, type TestStore } from "../support/stores.js";

const expectError = (r: { status: number; body: any }, status: number, code: string) =>
  expect({ status: r.status, code: r.body?.error?.code }).toEqual({ status, code });

describe.each(STORE_KINDS)("push and pull on %s", (kind) => {
  let store: TestStore;
  let api: TestApi;
  beforeAll(async () => {
    store = await openTestStore(kind);
    api = new TestApi(store.storage);
  });
  afterAll(async () => store?.cleanup());

  async function setup(devices = 1): Promise<{ eventId: string; ds: TestDevice[]; reader: TestDevice }> {
    const ev = await api.createEvent();
    const ds: TestDevice[] = [];
    for (let i = 0; i < devices; i++) ds.push(await api.enroll(ev.id, "door", `Door ${i + 1}`));
    return { eventId: ev.id, ds, reader: await api.enroll(ev.id, "door", "reader") };
  }
  const seqs = (entries: Entry[]) => entries.map((e) => `${e.deviceId}:${e.seq}`);

  it("acknowledges the contiguous prefix and serves it to every device of the event", async () => {
    const { ds, reader } = await setup(2);
    const [a, b] = ds as [TestDevice, TestDevice];
    const r = await a.push([a.entry(), a.entry(), a.entry({ type: "exit" })]);
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ ackedThroughSeq: 3, accepted: 3, duplicates: 0, serverTime: expect.any(Number) });
    expect((await b.push([b.entry()])).body.ackedThroughSeq).toBe(1);
    const pulled = await reader.pullAll();
    expect(pulled.entries).toHaveLength(4);
    expect(pulled.entries.find((e) => e.deviceId === a.id && e.seq === 3)).toEqual(a.entry({ seq: 3, type: "exit" }));
    const again = await reader.pull(pulled.cursor);
    expect(again.body).toMatchObject({ entries: [], more: false, serverTime: expect.any(Number) });
    expect(Number(r.headers.get("x-doorlist-server-time"))).toBeGreaterThan(0);
    expect(Number((await a.push([{ bad: true }])).headers.get("x-doorlist-server-time"))).toBeGreaterThan(0);
    const empty = await a.push([]);
    expect(empty.body).toMatchObject({ ackedThroughSeq: 3, accepted: 0, duplicates: 0 });
  });

  it("accepts a retried batch without duplicating it, and counts the repeats", async () => {
    const { ds, reader } = await setup();
    const d = ds[0]!;
    const batch = [1, 2, 3, 4, 5].map((seq) => d.entry({ seq }));
    expect((await d.push(batch)).body).toMatchObject({ ackedThroughSeq: 5, accepted: 5, duplicates: 0 });
    expect((await d.push(batch)).body).toMatchObject({ ackedThroughSeq: 5, accepted: 0, duplicates: 5 });
    // a retry that overlaps a newer batch, with fields in another order
    const overlap = [3, 4, 5, 6, 7, 8].map((seq) => d.entry({ seq })).map((e) => Object.fromEntries(Object.entries(e).reverse()));
    expect((await d.push(overlap)).body).toMatchObject({ ackedThroughSeq: 8, accepted: 3, duplicates: 3 });
    // the same entry twice in one batch
    const nine = d.entry({ seq: 9 });
    expect((await d.push([nine, nine])).body).toMatchObject({ ackedThroughSeq: 9, accepted: 1, duplicates: 1 });
    const all = await reader.pullAll();
    expect(seqs(all.entries)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9].map((s) => `${d.id}:${s}`));
  });

  it("answers 409 to a seq reused with other content, keeps the stored entry and stores nothing of that batch", async () => {
    const { ds, reader } = await setup();
    const d = ds[0]!;
    const original = d.entry({ seq: 1 });
    await d.push([original, d.entry({ seq: 2 })]);
    const changed = { ...original, at: original.at + 1 };
    const r = await d.push([d.entry({ seq: 3 }), changed]);
    expectError(r, 409, "SEQ_CONFLICT");
    expect(r.body.error.message).toMatch(/seq 1 /i);
    const sameSeqInBatch = await d.push([d.entry({ seq: 3 }), { ...d.entry({ seq: 3 }), id: "other-id" }]);
    expectError(sameSeqInBatch, 409, "SEQ_CONFLICT");
    const all = await reader.pullAll();
    expect(all.entries).toEqual([original, d.entry({ seq: 2 })]);
    expect((await d.push([d.entry({ seq: 3 })])).body.ackedThroughSeq).toBe(3);
  });

  it("answers 409 to an entry id another entry of the event already has", async () => {
    const { ds } = await setup(2);
    const [a, b] = ds as [TestDevice, TestDevice];
    await a.push([a.entry({ seq: 1, id: "shared-id" })]);
    expectError(await b.push([b.entry({ seq: 1, id: "shared-id" })]), 409, "ENTRY_ID_CONFLICT");
    expectError(await a.push([a.entry({ seq: 2, id: "shared-id" })]), 409, "ENTRY_ID_CONFLICT");
    expectError(await a.push([a.entry({ seq: 2, id: "dup" }), a.entry({ seq: 3, id: "dup" })]), 400, "DUPLICATE_ENTRY_ID");
  });

  it("stores entries past a gap without acknowledging or serving them until the gap fills", async () => {
    const { eventId, ds, reader } = await setup();
    const d = ds[0]!;
    const r = await d.push([1, 2, 5, 6].map((seq) => d.entry({ seq })));
    expect(r.body).toMatchObject({ ackedThroughSeq: 2, accepted: 4, duplicates: 0 });
    const first = await reader.pullAll();
    expect(seqs(first.entries)).toEqual([`${d.id}:1`, `${d.id}:2`]);
    const listed = (await api.call("GET", `/api/v1/events/${eventId}/devices`)).body.devices.find((x: any) => x.id === d.id);
    expect(listed).toMatchObject({ ackedThroughSeq: 2, maxSeq: 6, heldBehindGap: 2 });
    const report = (await api.call("GET", `/api/v1/events/${eventId}/report`)).body;
    expect(report.complete).toBe(false);
    expect(report.deviceGaps).toEqual([
      { deviceId: d.id, deviceLabel: "Door 1", ackedThroughSeq: 2, maxSeq: 6, missing: [{ from: 3, to: 4 }], heldEntries: 2, held: [{ from: 5, to: 6 }] },
    ]);
    // the held entries are stored: pushing them again counts as a retry
    expect((await d.push([d.entry({ seq: 6 })])).body).toMatchObject({ ackedThroughSeq: 2, accepted: 0, duplicates: 1 });
    expect((await d.push([d.entry({ seq: 3 })])).body).toMatchObject({ ackedThroughSeq: 3, accepted: 1 });
    expect(seqs((await reader.pullAll(first.cursor)).entries)).toEqual([`${d.id}:3`]);
    expect((await d.push([d.entry({ seq: 4 })])).body).toMatchObject({ ackedThroughSeq: 6, accepted: 1 });
    expect(seqs((await reader.pullAll(first.cursor)).entries)).toEqual([3, 4, 5, 6].map((s) => `${d.id}:${s}`));
    const after = (await api.call("GET", `/api/v1/events/${eventId}/devices`)).body.devices.find((x: any) => x.id === d.id);
    expect(after).toMatchObject({ ackedThroughSeq: 6, maxSeq: 6, heldBehindGap: 0 });
    expect((await api.call("GET", `/api/v1/events/${eventId}/report`)).body.deviceGaps).toEqual([]);
  });

  it("rejects a whole batch with one malformed entry, naming it, and stores nothing", async () => {
    const { eventId, ds, reader } = await setup();
    const d = ds[0]!;
    const good = d.entry({ seq: 1 });
    const bad = { ...d.entry({ seq: 2 }), type: "teleport" };
    const r = await d.push([good, bad, d.entry({ seq: 3 })]);
    expectError(r, 400, "INVALID_ENTRY");
    expect(r.body.error.message).toMatch(/Entry 1 \(id "[^"]+-2"\)/);
    expect(r.body.error.message).toMatch(/type/);
    const noSeq = await d.push([good, { ...d.entry({ seq: 4 }), seq: 0 }]);
    expectError(noSeq, 400, "INVALID_ENTRY");
    expect(noSeq.body.error.message).toMatch(/Entry 1 .*seq/);
    expectError(await d.push([good, "not an entry"]), 400, "INVALID_ENTRY");
    expectError(await d.push([good, { ...d.entry({ seq: 5 }), deviceId: "someone-else" }]), 400, "DEVICE_MISMATCH");
    expect((await reader.pullAll()).entries).toEqual([]);
    expect((await api.call("GET", `/api/v1/events/${eventId}/report`)).body.counts.entries).toBe(0);
  });

  it("refuses more than 1,000 entries with 400 and a body over 2 MiB with 413", async () => {
    const { ds } = await setup();
    const d = ds[0]!;
    const many = Array.from({ length: 1001 }, (_, i) => d.entry({ seq: i + 1, id: `m${i}` }));
    expectError(await d.push(many), 400, "TOO_MANY_ENTRIES");
    expectError(await d.api.call("POST", "/api/v1/sync/push", { token: d.token, body: {} }), 400, "INVALID_BODY");

    const big = JSON.stringify({ entries: [], pad: "x".repeat(MAX_BODY_BYTES) });
    const declared = await api.app.request("/api/v1/sync/push", { method: "POST", headers: { authorization: `Bearer ${d.token}` }, body: big });
    expect(declared.status).toBe(413);
    expect((await declared.json()).error.code).toBe("BODY_TOO_LARGE");
    // no Content-Length at all: the bytes read are counted
    const chunk = new TextEncoder().encode("x".repeat(64 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent > MAX_BODY_BYTES + chunk.length) return controller.close();
        sent += chunk.length;
        controller.enqueue(chunk);
      },
    });
    const req = new Request("http://localhost/api/v1/sync/push", {
      method: "POST",
      headers: { authorization: `Bearer ${d.token}` },
      body: stream,
      duplex: "half",
    } as RequestInit);
    expect(req.headers.get("content-length")).toBeNull();
    const streamed = await api.app.request(req);
    expect(streamed.status).toBe(413);
    // exactly at the limit is fine (it is then just malformed JSON)
    const atLimit = await api.app.request("/api/v1/sync/push", { method: "POST", headers: { authorization: `Bearer ${d.token}` }, body: " ".repeat(MAX_BODY_BYTES - 2) + "{}" });
    expect(atLimit.status).toBe(400);
  });

  it("pages pulls by cursor without repeating or skipping, across devices", async () => {
    const { ds, reader } = await setup(3);
    for (const d of ds) await d.push(Array.from({ length: 7 }, () => d.entry()));
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    for (;;) {
      const r = await reader.pull(cursor, 4);
      expect(r.status).toBe(200);
      seen.push(...seqs(r.body.entries));
      cursor = r.body.cursor;
      pages++;
      if (!r.body.more) break;
    }
    expect(pages).toBe(6);
    expect(seen).toHaveLength(21);
    expect(new Set(seen).size).toBe(21);
    for (const d of ds) await d.push([d.entry()]);
    expect((await reader.pullAll(cursor)).entries).toHaveLength(3);
  });

  it("records each device's clock offset and last contact from X-Doorlist-Device-Time", async () => {
    const { eventId, ds, reader } = await setup(2);
    const [a, b] = ds as [TestDevice, TestDevice];
    await a.push([a.entry()], { "x-doorlist-device-time": String(Date.now() - 90_000) });
    await reader.api.call("GET", "/api/v1/sync/pull", { token: reader.token, headers: { "x-doorlist-device-time": String(Date.now() + 30_000) } });
    const devices = (await api.call("GET", `/api/v1/events/${eventId}/devices`)).body.devices;
    const byId = new Map(devices.map((d: any) => [d.id, d]));
    expect((byId.get(a.id) as any).clockOffsetMs).toBeGreaterThanOrEqual(89_000);
    expect((byId.get(a.id) as any).clockOffsetMs).toBeLessThan(95_000);
    expect((byId.get(reader.id) as any).clockOffsetMs).toBeLessThanOrEqual(-25_000);
    expect((byId.get(a.id) as any).lastSyncAt).toBeTypeOf("number");
    expect(byId.get(b.id)).toMatchObject({ lastSyncAt: null, clockOffsetMs: null, ackedThroughSeq: 0 });
  });

  it("keeps events apart: a device pulls only its own event's entries", async () => {
    const one = await setup();
    const two = await setup();
    await one.ds[0]!.push([one.ds[0]!.entry()]);
    await two.ds[0]!.push([two.ds[0]!.entry(), two.ds[0]!.entry()]);
    expect((await one.reader.pullAll()).entries.map((e) => e.deviceId)).toEqual([one.ds[0]!.id]);
    expect((await two.reader.pullAll()).entries).toHaveLength(2);
  });
});
