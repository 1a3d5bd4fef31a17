/**
 * Sync ingest: the real server in its own process; 20 devices push 5,000 entries each, in
 * batches of 500, all at once; then one device pulls everything. Run on PGlite and, when
 * BENCH_DATABASE_URL or TEST_DATABASE_URL points at a PostgreSQL, on a fresh database there.
 * Prints one JSON line per store, then the `npm run bench` result line. Target: ≥ 20,000
 * entries/s pushed on PGlite.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { percentile, printResult, round, type Figure } from "./lib/figures.js";

const DEVICES = Number(process.env.SYNC_DEVICES ?? 20);
const PER_DEVICE = Number(process.env.SYNC_ENTRIES ?? 5000);
const BATCH = 500;
const PULL_LIMIT = 5000;
const HOST_TOKEN = `bench-${randomBytes(12).toString("hex")}`;
const root = new URL("../", import.meta.url).pathname;

interface StoreResult {
  store: "pglite" | "postgres";
  pushEntriesPerSec: number;
  pullEntriesPerSec: number;
  pushP50Ms: number;
  pushP95Ms: number;
  /** push throughput per CPU-second of the server process: what it would do with a core to itself */
  pushEntriesPerServerCpuSec: number;
}

/** user + system CPU of a process in ms, from /proc (Linux); null elsewhere. */
function cpuMsOf(pid: number | undefined): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return null;
  }
}

async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once("error", fail);
    s.listen(0, "127.0.0.1", () => {
      const a = s.address();
      s.close(() => ok(typeof a === "object" && a ? a.port : 0));
    });
  });
}

async function startServer(env: Record<string, string>): Promise<{ url: string; pid: number | undefined; stop: () => Promise<void> }> {
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", "src/server/main.ts"], {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", HOST_TOKEN, STATIC_DIR: "/nonexistent", ...env },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((r) => child.once("exit", r));
    child.kill("SIGTERM");
    await exited;
  };
  for (const deadline = Date.now() + 60_000; ; ) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/api/v1/health`)).ok) return { url, pid: child.pid, stop };
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error("server did not start in 60 s");
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function call(url: string, method: string, path: string, token: string, body?: unknown): Promise<any> {
  const res = await fetch(url + path, {
    method,
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json", "x-doorlist-device-time": String(Date.now()) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await res.json();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

async function run(store: StoreResult["store"], env: Record<string, string>): Promise<StoreResult> {
  const server = await startServer(env);
  try {
    const ev = await call(server.url, "POST", "/api/v1/events", HOST_TOKEN, { name: "Ingest bench", startsAt: 1_790_000_000_000, endsAt: 1_790_100_000_000 });
    const devices: { deviceId: string; token: string }[] = [];
    for (let i = 0; i <= DEVICES; i++) {
      const { code } = await call(server.url, "POST", `/api/v1/events/${ev.id}/enrollments`, HOST_TOKEN, { role: "door" });
      devices.push(await call(server.url, "POST", "/api/v1/enroll", "", { code, label: `bench ${i}` }));
    }
    const reader = devices.pop()!;
    // Bodies are made before the clock starts: the bench measures the server, not JSON.stringify here.
    const bodies = devices.map((d) =>
      Array.from({ length: PER_DEVICE / BATCH }, (_, b) =>
        JSON.stringify({
          entries: Array.from({ length: BATCH }, (_, i) => {
            const seq = b * BATCH + i + 1;
            return { id: `${d.deviceId}-${seq}`, deviceId: d.deviceId, seq, type: "admit", at: 1_790_000_000_000 + seq, passId: `p${seq % 997}`, data: { verdict: "ADMIT", door: "north" } };
          }),
        }),
      ),
    );
    const latencies: number[] = [];
    const cpuBefore = cpuMsOf(server.pid);
    const pushStarted = performance.now();
    await Promise.all(
      devices.map(async (d, di) => {
        for (const body of bodies[di]!) {
          const t = performance.now();
          const res = await fetch(`${server.url}/api/v1/sync/push`, {
            method: "POST",
            headers: { authorization: `Bearer ${d.token}`, "content-type": "application/json" },
            body,
          });
          if (!res.ok) throw new Error(`push: ${res.status} ${await res.text()}`);
          await res.arrayBuffer();
          latencies.push(performance.now() - t);
        }
      }),
    );
    const pushSeconds = (performance.now() - pushStarted) / 1000;
    const cpuAfter = cpuMsOf(server.pid);
    const total = DEVICES * PER_DEVICE;

    const pullStarted = performance.now();
    let pulled = 0;
    let cursor = "";
    for (;;) {
      const page = await call(server.url, "GET", `/api/v1/sync/pull?limit=${PULL_LIMIT}&cursor=${cursor}`, reader.token);
      pulled += page.entries.length;
      cursor = page.cursor;
      if (!page.more) break;
    }
    const pullSeconds = (performance.now() - pullStarted) / 1000;
    if (pulled !== total) throw new Error(`pulled ${pulled} entries, expected ${total}`);
    return {
      store,
      pushEntriesPerSec: Math.round(total / pushSeconds),
      pullEntriesPerSec: Math.round(pulled / pullSeconds),
      pushP50Ms: round(percentile(latencies, 50), 1),
      pushP95Ms: round(percentile(latencies, 95), 1),
      pushEntriesPerServerCpuSec: cpuBefore === null || cpuAfter === null ? Number.NaN : Math.round(total / ((cpuAfter - cpuBefore) / 1000)),
    };
  } finally {
    await server.stop();
  }
}

const results: StoreResult[] = [];
const notes: string[] = [`${DEVICES} devices × ${PER_DEVICE} entries, batches of ${BATCH}, pushed concurrently; one device then pulls ${PULL_LIMIT} a page`];

const dataDir = mkdtempSync(join(tmpdir(), "doorlist-bench-ingest-"));
try {
  results.push(await run("pglite", { DATA_DIR: dataDir, DATABASE_URL: "" }));
  console.log(JSON.stringify(results[results.length - 1]));
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}

const pgBase = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL;
if (pgBase) {
  const name = `doorlist_bench_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: pgBase });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  try {
    const url = new URL(pgBase);
    url.pathname = `/${name}`;
    results.push(await run("postgres", { DATABASE_URL: url.toString() }));
    console.log(JSON.stringify(results[results.length - 1]));
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
} else {
  notes.push("PostgreSQL skipped: set BENCH_DATABASE_URL or TEST_DATABASE_URL");
}

const figures: Figure[] = results.flatMap((r) => [
  { name: `sync push (${r.store})`, value: r.pushEntriesPerSec, unit: "entries/s", ...(r.store === "pglite" ? { target: 20_000, better: "higher" as const } : {}) },
  { name: `sync pull (${r.store})`, value: r.pullEntriesPerSec, unit: "entries/s" },
  { name: `sync push p50 (${r.store})`, value: r.pushP50Ms, unit: "ms" },
  { name: `sync push p95 (${r.store})`, value: r.pushP95Ms, unit: "ms" },
  { name: `sync push per server CPU-second (${r.store})`, value: r.pushEntriesPerServerCpuSec, unit: "entries/s" },
]);
printResult({ bench: "sync-ingest", figures, notes });
