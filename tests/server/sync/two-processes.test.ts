/**
 * The pull cursor never skips: two server processes share one PostgreSQL database while devices
 * push concurrently through both (in shuffled batches, with gaps filled later and retries) and
 * other devices pull through both at the same time. Every puller must end with exactly the full
 * set, each entry once, each device's entries in seq order.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Entry } from "../../../src/sync/index.js";
import { createTestDatabase } from "../support/pg.js";
import { startServerProcess, type ServerProcess } from "../../support/server-process.js";
import { seededRandom, randomInt } from "../../support/random.js";

const HOST_TOKEN = "two-process-host-token-0123456789";
const PUSHERS = 8;
const PULLERS = 4;
const ENTRIES_PER_DEVICE = 400;

describe("two server processes on one PostgreSQL", () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let servers: ServerProcess[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    // started together: the migrations race too, and must be applied once
    servers = await Promise.all([0, 1].map(() => startServerProcess({ DATABASE_URL: db.url, HOST_TOKEN })));
  }, 90_000);

  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    await db?.drop();
  });

  async function call(server: ServerProcess, method: string, path: string, token: string, body?: unknown): Promise<{ status: number; body: any }> {
    const res = await fetch(server.baseUrl + path, {
      method,
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json", "x-doorlist-device-time": String(Date.now()) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: await res.json() };
  }

  it("serves every puller the full set exactly once while pushes commit out of order", async () => {
    const rand = seededRandom(20261124);
    const pick = () => servers[randomInt(rand, servers.length)]!;
    const ev = await call(servers[0]!, "POST", "/api/v1/events", HOST_TOKEN, { name: "Two processes", startsAt: 1_790_000_000_000, endsAt: 1_790_100_000_000 });
    expect(ev.status).toBe(201);
    const enroll = async (i: number) => {
      const e = await call(servers[i % 2]!, "POST", `/api/v1/events/${ev.body.id}/enrollments`, HOST_TOKEN, { role: "door" });
      const d = await call(servers[(i + 1) % 2]!, "POST", "/api/v1/enroll", "", { code: e.body.code, label: `device ${i}` });
      expect(d.status).toBe(201);
      return d.body as { deviceId: string; token: string };
    };
    const pushers = await Promise.all(Array.from({ length: PUSHERS }, (_, i) => enroll(i)));
    const pullers = await Promise.all(Array.from({ length: PULLERS }, (_, i) => enroll(PUSHERS + i)));

    const expected = new Set<string>();
    let pushing = PUSHERS;
    const push = async (device: { deviceId: string; token: string }) => {
      const entries: Entry[] = Array.from({ length: ENTRIES_PER_DEVICE }, (_, i) => ({
        id: `${device.deviceId}-${i + 1}`,
        deviceId: device.deviceId,
        seq: i + 1,
        type: "admit",
        at: 1_790_000_000_000 + i,
        passId: `p${i % 50}`,
      }));
      for (const e of entries) expected.add(`${e.deviceId}:${e.seq}`);
      const batches: Entry[][] = [];
      for (let i = 0; i < entries.length; ) {
        const size = 1 + randomInt(rand, 30);
        batches.push(entries.slice(i, i + size));
        i += size;
      }
      // Hold some batches back so later ones land past a gap, then send them; retry others.
      const held: Entry[][] = [];
      let acked = 0;
      for (const batch of batches) {
        if (rand() < 0.25) {
          held.push(batch);
          continue;
        }
        const r = await call(pick(), "POST", "/api/v1/sync/push", device.token, { entries: batch });
        expect(r.status).toBe(200);
        if (rand() < 0.2) {
          const again = await call(pick(), "POST", "/api/v1/sync/push", device.token, { entries: batch });
          expect(again.body).toMatchObject({ accepted: 0, duplicates: batch.length });
        }
        if (held.length > 0 && rand() < 0.3) {
          const late = held.splice(randomInt(rand, held.length), 1)[0]!;
          expect((await call(pick(), "POST", "/api/v1/sync/push", device.token, { entries: late })).status).toBe(200);
        }
        acked = r.body.ackedThroughSeq;
      }
      for (const late of held.reverse()) {
        const r = await call(pick(), "POST", "/api/v1/sync/push", device.token, { entries: late });
        expect(r.status).toBe(200);
        acked = r.body.ackedThroughSeq;
      }
      // an empty push just reads the acknowledgement; each answer above may predate a late batch
      const final = await call(pick(), "POST", "/api/v1/sync/push", device.token, { entries: [] });
      expect(final.body.ackedThroughSeq).toBe(ENTRIES_PER_DEVICE);
      expect(acked).toBeLessThanOrEqual(ENTRIES_PER_DEVICE);
      pushing--;
    };

    const pull = async (device: { deviceId: string; token: string }) => {
      const seen = new Set<string>();
      const lastSeq = new Map<string, number>();
      let cursor = "";
      const page = async () => {
        const r = await call(pick(), "GET", `/api/v1/sync/pull?limit=${1 + randomInt(rand, 120)}&cursor=${cursor}`, device.token);
        expect(r.status).toBe(200);
        for (const e of r.body.entries as Entry[]) {
          const key = `${e.deviceId}:${e.seq}`;
          expect(seen.has(key), `${key} served twice`).toBe(false);
          seen.add(key);
          // served strictly in seq order per device, none skipped
          expect(e.seq, `device ${e.deviceId} jumped`).toBe((lastSeq.get(e.deviceId) ?? 0) + 1);
          lastSeq.set(e.deviceId, e.seq);
        }
        cursor = r.body.cursor;
        return r.body.more as boolean;
      };
      while (pushing > 0) {
        await page();
        await new Promise((r) => setTimeout(r, randomInt(rand, 5)));
      }
      while (await page());
      return seen;
    };

    const started = Date.now();
    const [, pulled] = await Promise.all([Promise.all(pushers.map(push)), Promise.all(pullers.map(pull))]);
    expect(expected.size).toBe(PUSHERS * ENTRIES_PER_DEVICE);
    for (const seen of pulled) {
      expect(seen.size).toBe(expected.size);
      expect([...seen].every((k) => expected.has(k))).toBe(true);
    }
    const report = await call(servers[1]!, "GET", `/api/v1/events/${ev.body.id}/report`, HOST_TOKEN);
    expect(report.body.counts).toMatchObject({ entries: expected.size, served: expected.size, heldBehindGaps: 0 });
    expect(report.body.deviceGaps).toEqual([]);
    // ~3 s alone on two cores; the bound only catches a hang, since CI runs other suites alongside
    expect(Date.now() - started).toBeLessThan(90_000);
  }, 120_000);
});
