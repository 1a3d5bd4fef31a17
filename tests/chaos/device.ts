/**
 * A simulated device: a plain TypeScript client built on src/sync, with a durable outbox (a
 * JSON file written by write-then-rename before any entry is considered recorded). It checks
 * the server's promises as it goes and records every broken one as a violation:
 * acknowledgements never go backwards, a pull never serves an entry twice or skips one.
 */
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import { checkEntry, type Entry, type PullResponse, type PushResponse } from "../../src/sync/index.js";
import { randomInt, seededRandom } from "../support/random.js";

interface DurableState {
  deviceId: string;
  token: string;
  label: string;
  /** every entry this device recorded, in seq order; seq n is log[n-1] */
  log: Entry[];
  ackedThroughSeq: number;
  pullCursor: string;
  /** per other device: the highest seq pulled (pulls are contiguous, so this is the whole story) */
  pulledThrough: Record<string, number>;
}

export class SimDevice {
  private state: DurableState;
  private readonly rand: () => number;
  readonly violations: string[] = [];
  pushes = 0;
  failedRequests = 0;

  constructor(
    private readonly file: string,
    private readonly baseUrl: () => string,
    identity: { deviceId: string; token: string; label: string },
    seed: number,
  ) {
    this.rand = seededRandom(seed);
    this.state = { ...identity, log: [], ackedThroughSeq: 0, pullCursor: "", pulledThrough: {} };
    this.persist();
  }

  get deviceId(): string {
    return this.state.deviceId;
  }
  get lastSeq(): number {
    return this.state.log.length;
  }
  get acked(): number {
    return this.state.ackedThroughSeq;
  }
  get log(): readonly Entry[] {
    return this.state.log;
  }
  pulledThrough(deviceId: string): number {
    return this.state.pulledThrough[deviceId] ?? 0;
  }

  /** Records n entries durably. Only after this returns does the entry "exist". */
  record(n: number, now: number): void {
    for (let i = 0; i < n; i++) {
      const seq = this.state.log.length + 1;
      const entry: Entry =
        this.rand() < 0.8
          ? { id: `${this.state.deviceId}-${seq}`, deviceId: this.state.deviceId, seq, type: "admit", at: now + i, passId: randomHex(this.rand, 12), data: { verdict: "ADMIT", door: this.state.label } }
          : {
              id: `${this.state.deviceId}-${seq}`,
              deviceId: this.state.deviceId,
              seq,
              type: "sale",
              at: now + i,
              data: { lines: [{ sku: "TEE", quantity: 1 + randomInt(this.rand, 3), unitCents: 2500 }], method: "cash", totalCents: 2500 },
            };
      const checked = checkEntry(entry);
      if (!checked.ok) throw new Error(`simulated device made an invalid entry: ${checked.message}`);
      this.state.log.push(entry);
    }
    this.persist();
  }

  /** The device "crashes" and starts again from what it had written to disk. */
  restart(): void {
    this.state = JSON.parse(readFileSync(this.file, "utf8")) as DurableState;
  }

  /** Pushes what is not yet acknowledged. Sometimes sends a later batch first, to make gaps. */
  async push(): Promise<boolean> {
    const pending = this.state.log.slice(this.state.ackedThroughSeq);
    if (pending.length === 0) return true;
    const size = 1 + randomInt(this.rand, 500);
    const batches: Entry[][] = [];
    for (let i = 0; i < pending.length; i += size) batches.push(pending.slice(i, i + size));
    if (batches.length > 1 && this.rand() < 0.3) batches.reverse(); // a gap, filled by the next batch
    for (const batch of batches) {
      const res = await this.request<PushResponse>("POST", "/api/v1/sync/push", { entries: batch });
      if (res === null) return false;
      this.pushes++;
      if (res.status !== 200) {
        this.violations.push(`push answered ${res.status}: ${JSON.stringify(res.body)}`);
        return false;
      }
      const acked = res.body.ackedThroughSeq;
      if (acked < this.state.ackedThroughSeq) this.violations.push(`ack went backwards: ${this.state.ackedThroughSeq} → ${acked}`);
      if (acked > this.state.log.length) this.violations.push(`acked ${acked} but only ${this.state.log.length} recorded`);
      this.state.ackedThroughSeq = Math.max(this.state.ackedThroughSeq, acked);
      this.persist();
    }
    return true;
  }

  /** Pulls until the server says there is no more; the cursor advances only with a processed page. */
  async pull(): Promise<boolean> {
    for (let page = 0; page < 1000; page++) {
      const res = await this.request<PullResponse>("GET", `/api/v1/sync/pull?limit=${200 + randomInt(this.rand, 800)}&cursor=${encodeURIComponent(this.state.pullCursor)}`);
      if (res === null) return false;
      if (res.status !== 200) {
        this.violations.push(`pull answered ${res.status}: ${JSON.stringify(res.body)}`);
        return false;
      }
      for (const e of res.body.entries) {
        if (e.deviceId === this.state.deviceId) continue;
        const have = this.state.pulledThrough[e.deviceId] ?? 0;
        if (e.seq <= have) this.violations.push(`pull served ${e.deviceId}#${e.seq} again (had through ${have})`);
        else if (e.seq > have + 1) this.violations.push(`pull skipped ${e.deviceId}#${have + 1}..${e.seq - 1}`);
        else this.state.pulledThrough[e.deviceId] = e.seq;
      }
      this.state.pullCursor = res.body.cursor;
      this.persist();
      if (!res.body.more) return true;
    }
    this.violations.push("pull did not finish in 1000 pages");
    return false;
  }

  private async request<T>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T } | null> {
    try {
      const res = await fetch(this.baseUrl() + path, {
        method,
        headers: { authorization: `Bearer ${this.state.token}`, "content-type": "application/json", "x-doorlist-device-time": String(Date.now()) },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(15_000),
      });
      return { status: res.status, body: (await res.json()) as T };
    } catch {
      this.failedRequests++;
      return null; // the network failed: the outbox keeps everything, the next round retries
    }
  }

  private persist(): void {
    writeFileSync(this.file + ".tmp", JSON.stringify(this.state));
    renameSync(this.file + ".tmp", this.file);
  }
}

function randomHex(rand: () => number, length: number): string {
  let s = "";
  for (let i = 0; i < length; i++) s += randomInt(rand, 16).toString(16);
  return s;
}
