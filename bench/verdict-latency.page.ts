/**
 * The browser half of bench/verdict-latency.ts: the door's real scan path (decode, verify with
 * the browser's best Ed25519, one IndexedDB transaction for entry + outbox + state) on a roster
 * of 100,000 passes. Bundled by the bench and loaded into headless Chromium.
 */
import { appendPasses, DoorlistDB } from "../src/app/db/database.js";
import type { PassRecord } from "../src/app/db/records.js";
import { Door } from "../src/app/door/scan.js";
import { bestVerifier, fromHex } from "../src/pass/index.js";

export interface PageInput {
  eventId: string;
  kid: string;
  publicKeyHex: string;
  rosterSize: number;
  texts: string[];
}

export interface PageOutput {
  loadMs: number;
  samplesMs: number[];
  verdicts: Record<string, number>;
  verifier: string;
  logged: number;
}

const SETTLE_MS = 3000;

async function run(input: PageInput): Promise<PageOutput> {
  const db = new DoorlistDB(`bench-${Date.now()}`);
  await db.open();
  const loadStart = performance.now();
  const tiers = ["GA", "VIP", "CREW", "PRESS"];
  const CHUNK = 5000;
  for (let from = 0; from < input.rosterSize; from += CHUNK) {
    const chunk: PassRecord[] = [];
    for (let i = from; i < Math.min(from + CHUNK, input.rosterSize); i++) {
      const holder = `Guest ${String(i).padStart(6, "0")} Example`;
      // the shape the roster sync writes: empty fields left out
      const rec: PassRecord = { id: i.toString(16).padStart(12, "0"), holder, tier: tiers[i % tiers.length]! };
      if (i % 97 === 0) rec.revoked = 1;
      chunk.push(rec);
    }
    // as the roster sync writes a page: its pass blocks and name block in one transaction
    await db.transaction("rw", db.passBlocks, db.names, (tx) => appendPasses(tx, chunk));
  }
  const loadMs = performance.now() - loadStart;
  // A door scans long after its roster arrived: let the store finish settling (LevelDB compacts
  // after a bulk load) so the figures are the steady state, not the tail of the load.
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  await db.keys.put({ kid: input.kid, publicKey: fromHex(input.publicKeyHex)!, retired: 0 });
  await db.putMeta("identity", { deviceId: "bench", token: "t", eventId: input.eventId, role: "door", label: "Bench door", enrolledAt: Date.now() });
  await db.putMeta("event", { id: input.eventId, name: "Bench", startsAt: 0, endsAt: 1, capacity: null });

  // A clock that moves 5 s per scan, so a repeated pass is a real second scan, not jitter.
  let t = Date.now();
  const door = new Door({ db, now: () => t, verifier: bestVerifier });
  const verifier = (await bestVerifier()).name;
  // Warm-up outside the measurement: JIT, key import, first transaction.
  for (const text of input.texts.slice(0, 20)) {
    await door.scan(text, "camera");
    t += 5000;
  }
  const samplesMs: number[] = [];
  const verdicts: Record<string, number> = {};
  for (const text of input.texts.slice(20)) {
    const start = performance.now();
    const out = await door.scan(text, "camera");
    samplesMs.push(performance.now() - start);
    verdicts[out.verdict] = (verdicts[out.verdict] ?? 0) + 1;
    t += 5000;
  }
  return { loadMs, samplesMs, verdicts, verifier, logged: await db.log.count() };
}

(globalThis as unknown as { runVerdictBench: typeof run }).runVerdictBench = run;
