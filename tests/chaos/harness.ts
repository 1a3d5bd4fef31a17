/**
 * The chaos run: N simulated devices record entries and push and pull through a fault-injecting
 * proxy while the server is killed and restarted. Then the faults stop, everyone syncs until
 * quiet, and the harness checks the promises: the server holds exactly the union of every
 * device's log, once each; every device acknowledged through its last seq; every device pulled
 * every other device's entries.
 *
 * Reproducibility: every random choice (faults, batch sizes, entry counts, when to crash) comes
 * from the seed. What the seed cannot fix is the interleaving of concurrent requests on the
 * machine, so a failing seed is replayed to the same faults, not always to the same schedule.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { canonicalJson, type Entry, type PullResponse } from "../../src/sync/index.js";
import { randomInt, seededRandom } from "../support/random.js";
import { SimDevice } from "./device.js";
import { ALL_FAULTS, FaultProxy, NO_FAULTS, type FaultCounts, type FaultRates } from "./proxy.js";
import { createTestDatabase } from "../server/support/pg.js";
import { freePort, ServerProcess } from "../support/server-process.js";

export interface ChaosOptions {
  devices: number;
  entries: number;
  seed: number;
  store: "pglite" | "postgres";
  /** the admin URL of a PostgreSQL cluster, for store "postgres" */
  databaseUrl?: string;
  faults?: FaultRates;
  /** how many times the server is killed mid-run */
  kills?: number;
  log?: (line: string) => void;
}

export interface ChaosReport {
  seed: number;
  store: string;
  devices: number;
  entriesPerDevice: number;
  totalEntries: number;
  serverEntries: number;
  kills: number;
  /** how long the server took to answer again after each kill (crash recovery included) */
  restartMs: number[];
  deviceRestarts: number;
  faults: FaultCounts;
  seconds: number;
  violations: string[];
}

const HOST_TOKEN = "chaos-host-token-0123456789abcdef";

export async function runChaos(opts: ChaosOptions): Promise<ChaosReport> {
  const started = Date.now();
  const log = opts.log ?? (() => {});
  const rand = seededRandom(opts.seed);
  const work = mkdtempSync(join(tmpdir(), `doorlist-chaos-${opts.seed}-`));
  const port = await freePort();
  let dropDb: (() => Promise<void>) | undefined;
  let databaseUrl: string | undefined;
  if (opts.store === "postgres") {
    if (!opts.databaseUrl) throw new Error("the postgres chaos run needs a PostgreSQL URL (TEST_DATABASE_URL)");
    const db = await createTestDatabase(opts.databaseUrl);
    databaseUrl = db.url;
    dropDb = db.drop;
  }
  const server = new ServerProcess({ port, env: { HOST_TOKEN, ...(databaseUrl ? { DATABASE_URL: databaseUrl } : { DATA_DIR: join(work, "data") }) } });
  const proxy = new FaultProxy(() => port, opts.seed, NO_FAULTS);
  const violations: string[] = [];
  let kills = 0;
  const restartMs: number[] = [];
  let deviceRestarts = 0;
  try {
    await server.start();
    const proxyPort = await proxy.listen();
    const proxyUrl = `http://127.0.0.1:${proxyPort}`;
    const eventId = await createEvent(server.baseUrl);
    const devices: SimDevice[] = [];
    for (let i = 0; i < opts.devices; i++) {
      const identity = await enroll(server.baseUrl, eventId, `Door ${i + 1}`);
      devices.push(new SimDevice(join(work, `device-${i}.json`), () => proxyUrl, identity, opts.seed * 1000 + i));
    }
    log(`event ${eventId}, ${devices.length} devices enrolled; faults on`);

    proxy.faults = opts.faults ?? ALL_FAULTS;
    const killPoints = Array.from({ length: opts.kills ?? 1 }, (_, k) => (k + 1) / ((opts.kills ?? 1) + 1));
    let recorded = 0;
    const total = opts.devices * opts.entries;
    // Each device works in rounds: record some entries, push, sometimes pull, sometimes crash.
    const deviceLoop = async (d: SimDevice, drand: () => number) => {
      while (d.lastSeq < opts.entries) {
        const n = Math.min(opts.entries - d.lastSeq, 1 + randomInt(drand, Math.max(1, Math.ceil(opts.entries / 8))));
        d.record(n, Date.now());
        recorded += n;
        await d.push();
        if (drand() < 0.5) await d.pull();
        if (drand() < 0.05) {
          d.restart();
          deviceRestarts++;
        }
      }
    };
    const monkey = async () => {
      for (const point of killPoints) {
        while (recorded < total * point) await new Promise((r) => setTimeout(r, 20));
        await server.kill();
        kills++;
        log(`server killed at ${recorded}/${total} entries recorded`);
        await new Promise((r) => setTimeout(r, 100 + randomInt(rand, 400)));
        restartMs.push(await server.start());
        log(`server restarted in ${restartMs.at(-1)} ms`);
      }
    };
    await Promise.all([...devices.map((d, i) => deviceLoop(d, seededRandom(opts.seed * 7919 + i))), monkey()]);

    // Quiet network: everyone syncs until nothing is pending and everyone has everything.
    proxy.faults = NO_FAULTS;
    for (let round = 0; round < 20; round++) {
      await Promise.all(devices.map(async (d) => (await d.push()) && (await d.pull())));
      const done = devices.every((d) => d.acked === d.lastSeq && devices.every((o) => o === d || d.pulledThrough(o.deviceId) === o.lastSeq));
      if (done) break;
    }

    for (const d of devices) {
      violations.push(...d.violations.map((v) => `${d.deviceId}: ${v}`));
      if (d.acked !== d.lastSeq) violations.push(`${d.deviceId}: acknowledged through ${d.acked}, recorded ${d.lastSeq}`);
      for (const o of devices) {
        if (o !== d && d.pulledThrough(o.deviceId) !== o.lastSeq) {
          violations.push(`${d.deviceId} pulled ${o.deviceId} through ${d.pulledThrough(o.deviceId)} of ${o.lastSeq}`);
        }
      }
    }
    const serverEntries = await checkServerHoldsUnion(server.baseUrl, eventId, devices, violations);
    return {
      seed: opts.seed,
      store: opts.store,
      devices: opts.devices,
      entriesPerDevice: opts.entries,
      totalEntries: total,
      serverEntries,
      kills,
      restartMs,
      deviceRestarts,
      faults: { ...proxy.counts },
      seconds: Math.round((Date.now() - started) / 100) / 10,
      violations,
    };
  } finally {
    await proxy.close();
    await server.stop();
    await dropDb?.();
    rmSync(work, { recursive: true, force: true });
  }
}

/** A fresh device pulls the whole log, straight from the server, and compares it with the devices' own logs. */
async function checkServerHoldsUnion(baseUrl: string, eventId: string, devices: SimDevice[], violations: string[]): Promise<number> {
  const checker = await enroll(baseUrl, eventId, "Checker");
  const seen = new Map<string, Entry>();
  let cursor = "";
  for (let page = 0; page < 100_000; page++) {
    const res = await fetch(`${baseUrl}/api/v1/sync/pull?limit=1000&cursor=${encodeURIComponent(cursor)}`, { headers: { authorization: `Bearer ${checker.token}` } });
    if (!res.ok) throw new Error(`checker pull answered ${res.status}`);
    const body = (await res.json()) as PullResponse;
    for (const e of body.entries) {
      const key = `${e.deviceId}#${e.seq}`;
      if (seen.has(key)) violations.push(`server served ${key} twice to one puller`);
      seen.set(key, e);
    }
    cursor = body.cursor;
    if (!body.more) break;
  }
  for (const d of devices) {
    for (const e of d.log) {
      const got = seen.get(`${e.deviceId}#${e.seq}`);
      if (!got) violations.push(`server is missing ${e.deviceId}#${e.seq}`);
      else if (canonicalJson(got) !== canonicalJson(e)) violations.push(`server holds different content for ${e.deviceId}#${e.seq}`);
    }
  }
  const expected = devices.reduce((n, d) => n + d.lastSeq, 0);
  if (seen.size !== expected) violations.push(`server holds ${seen.size} entries, devices recorded ${expected}`);
  return seen.size;
}

async function createEvent(baseUrl: string): Promise<string> {
  const now = Date.now();
  const res = await fetch(`${baseUrl}/api/v1/events`, {
    method: "POST",
    headers: { authorization: `Bearer ${HOST_TOKEN}`, "content-type": "application/json" },
    body: JSON.stringify({ name: "Chaos night", startsAt: now, endsAt: now + 6 * 3600_000 }),
  });
  if (res.status !== 201) throw new Error(`create event answered ${res.status}: ${await res.text()}`);
  return ((await res.json()) as { id: string }).id;
}

async function enroll(baseUrl: string, eventId: string, label: string): Promise<{ deviceId: string; token: string; label: string }> {
  const made = await fetch(`${baseUrl}/api/v1/events/${eventId}/enrollments`, {
    method: "POST",
    headers: { authorization: `Bearer ${HOST_TOKEN}`, "content-type": "application/json" },
    body: JSON.stringify({ role: "door", label }),
  });
  if (made.status !== 201) throw new Error(`enrollment answered ${made.status}: ${await made.text()}`);
  const { code } = (await made.json()) as { code: string };
  const res = await fetch(`${baseUrl}/api/v1/enroll`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ code, label }) });
  if (res.status !== 201) throw new Error(`enroll answered ${res.status}: ${await res.text()}`);
  const body = (await res.json()) as { deviceId: string; token: string };
  return { deviceId: body.deviceId, token: body.token, label };
}
