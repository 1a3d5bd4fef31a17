/**
 * When sync runs, and what the header shows about it. One run at a time: a request for a sync
 * while one is in flight joins it. Runs happen on start, when the browser comes back online,
 * when the app becomes visible, on an interval while online, and on demand; after a failure the
 * next automatic run waits by exponential backoff with jitter (a demand or `online` skips it).
 * Nothing here holds a database lock across the network, so scanning never waits for sync.
 */
import type { SyncStatus } from "../commands/types.js";
import type { DoorlistDB } from "../db/database.js";
import { backoffDelay, DEFAULT_BACKOFF, type BackoffPolicy } from "./backoff.js";
import type { SyncClient } from "./client.js";

export const DEFAULT_INTERVAL_MS = 15_000;
/** how soon after a scan its entry is pushed, when online and not backing off */
export const DEFAULT_NUDGE_MS = 2_000;

interface Listenable {
  addEventListener(type: string, listener: () => void): void;
  removeEventListener(type: string, listener: () => void): void;
}

/** The browser surface the scheduler listens to; injectable so tests drive it by hand. */
export interface SchedulerEnv {
  /** fires `online` and `offline` (window) */
  network?: Listenable;
  /** fires `visibilitychange`; visibilityState says where it went (document) */
  page?: Listenable & { readonly visibilityState: string };
  setTimeout: (fn: () => void, ms: number) => unknown;
  clearTimeout: (handle: unknown) => void;
}

export interface SyncServiceDeps {
  db: DoorlistDB;
  client: SyncClient;
  now: () => number;
  random: () => number;
  isOnline: () => boolean;
  onStatus: (status: SyncStatus) => void;
  intervalMs?: number;
  backoff?: BackoffPolicy;
}

export class SyncService {
  private inflight: Promise<SyncStatus> | null = null;
  private failures = 0;
  private env: SchedulerEnv | null = null;
  private timer: unknown = null;
  private cleanups: (() => void)[] = [];
  /** a write arrived while a sync was in flight: run again soon after it */
  private nudged = false;
  /** when the next automatic run is due (device clock); for the status line and tests */
  nextRunAt: number | null = null;

  constructor(private readonly deps: SyncServiceDeps) {}

  get consecutiveFailures(): number {
    return this.failures;
  }

  get syncing(): boolean {
    return this.inflight !== null;
  }

  async status(): Promise<SyncStatus> {
    const { db } = this.deps;
    const [pending, state] = await Promise.all([db.outbox.count(), db.getSyncState()]);
    return {
      online: this.deps.isOnline(),
      syncing: this.syncing,
      pending,
      lastSyncAt: state.lastSyncAt,
      lastError: state.lastError,
      clockOffsetMs: state.clockOffsetMs,
    };
  }

  async emitStatus(): Promise<void> {
    this.deps.onStatus(await this.status());
  }

  /** Runs a sync now, or joins the one in flight. Never rejects: failures land in lastError. */
  syncNow(): Promise<SyncStatus> {
    if (this.inflight) return this.inflight;
    this.inflight = (async (): Promise<SyncStatus> => {
      try {
        await this.emitStatus().catch(() => undefined);
        await this.runOnce();
      } finally {
        this.inflight = null;
        this.scheduleNext();
      }
      const status = await this.status();
      this.deps.onStatus(status);
      return status;
    })();
    return this.inflight;
  }

  private async runOnce(): Promise<void> {
    try {
      if (!(await this.deps.db.getMeta("identity"))) return;
      const result = await this.deps.client.run();
      this.failures = result.error ? this.failures + 1 : 0;
    } catch (err) {
      this.failures += 1;
      await this.deps.client.recordFailure(err).catch(() => undefined);
    }
  }

  /** The wait before the next automatic run: the interval after success, backoff after failures. */
  nextDelay(): number {
    if (this.failures === 0) return this.deps.intervalMs ?? DEFAULT_INTERVAL_MS;
    return backoffDelay(this.failures, this.deps.random, this.deps.backoff ?? DEFAULT_BACKOFF);
  }

  /**
   * A local write happened: push it within `delayMs` rather than at the next interval, so the
   * other doors learn of an admission quickly. Coalesces a burst of scans into one sync; does
   * nothing while backing off or offline (the write waits in the outbox either way).
   */
  nudge(delayMs = DEFAULT_NUDGE_MS): void {
    if (!this.env || this.failures > 0 || !this.deps.isOnline()) return;
    if (this.inflight) {
      this.nudged = true;
      return;
    }
    if (this.nextRunAt !== null && this.nextRunAt <= this.deps.now() + delayMs) return;
    this.scheduleNext(delayMs);
  }

  private scheduleNext(overrideMs?: number): void {
    const env = this.env;
    if (!env) return;
    if (this.timer !== null) env.clearTimeout(this.timer);
    let delay = overrideMs ?? this.nextDelay();
    if (overrideMs === undefined && this.nudged && this.failures === 0) delay = Math.min(delay, DEFAULT_NUDGE_MS);
    this.nudged = false;
    this.nextRunAt = this.deps.now() + delay;
    this.timer = env.setTimeout(() => {
      this.timer = null;
      // Offline: no request would get out. Check again after the interval; `online` wakes us sooner.
      if (!this.deps.isOnline()) {
        this.scheduleNext();
        return;
      }
      void this.syncNow();
    }, delay);
  }

  /** Starts automatic sync. Idempotent; returns a stop function. */
  start(env: SchedulerEnv): () => void {
    if (this.env) return () => this.stop();
    this.env = env;
    const onOnline = (): void => {
      // Back online: the failures were the network's, not the server's. Start afresh.
      this.failures = 0;
      void this.syncNow();
    };
    const onOffline = (): void => void this.emitStatus().catch(() => undefined);
    const onVisibility = (): void => {
      if (env.page?.visibilityState === "visible" && this.deps.isOnline()) void this.syncNow();
    };
    if (env.network) {
      env.network.addEventListener("online", onOnline);
      env.network.addEventListener("offline", onOffline);
      this.cleanups.push(() => {
        env.network?.removeEventListener("online", onOnline);
        env.network?.removeEventListener("offline", onOffline);
      });
    }
    if (env.page) {
      env.page.addEventListener("visibilitychange", onVisibility);
      this.cleanups.push(() => env.page?.removeEventListener("visibilitychange", onVisibility));
    }
    if (this.deps.isOnline()) void this.syncNow();
    else this.scheduleNext();
    return () => this.stop();
  }

  stop(): void {
    for (const c of this.cleanups.splice(0)) c();
    if (this.env && this.timer !== null) this.env.clearTimeout(this.timer);
    this.timer = null;
    this.env = null;
    this.nextRunAt = null;
  }
}
