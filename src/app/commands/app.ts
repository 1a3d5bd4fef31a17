/**
 * Everything below the screens, wired together: the database, the door (scan path), the sync
 * client and its scheduler, and the handler map of ./types.ts. Built by a factory so tests can
 * run any number of independent apps, each on its own database, clock and fetch.
 */
import type { DoorlistDB } from "../db/database.js";
import { nameMatches, normalizeName, searchNameBlocks } from "../db/names.js";
import { passRecordSchema, passStateSchema, type PassRecord } from "../db/records.js";
import { DEFAULT_DOOR_SETTINGS, Door } from "../door/scan.js";
import type { Ed25519Verifier } from "../../pass/index.js";
import { SyncClient, type SyncLimits } from "../sync/client.js";
import type { FetchLike } from "../sync/http.js";
import { SyncService, type SchedulerEnv } from "../sync/service.js";
import { volunteerHandlers } from "../volunteer/handlers.js";
import type {
  AppEvent,
  ArgsOf,
  DeviceIdentity,
  DoorSettings,
  HandlerName,
  Handlers,
  HolderMatch,
  ResultOf,
  RosterProgress,
} from "./types.js";

export interface DoorAppDeps {
  db: DoorlistDB;
  fetch: FetchLike;
  /** "" for the page's own origin */
  baseUrl?: string;
  /** the device clock */
  now?: () => number;
  random?: () => number;
  isOnline?: () => boolean;
  verifier?: () => Promise<Ed25519Verifier>;
  /** requests persistent storage after enrollment; navigator.storage.persist in the browser */
  persist?: () => Promise<boolean>;
  intervalMs?: number;
  timeoutMs?: number;
  limits?: Partial<SyncLimits>;
}

export type Listener = (event: AppEvent) => void;

export interface DoorApp {
  send<K extends HandlerName>(name: K, args: ArgsOf<K>): Promise<ResultOf<K>>;
  subscribe(listener: Listener): () => void;
  /** starts automatic sync (online/visibility events, interval, backoff); returns stop */
  startSync(env: SchedulerEnv): () => void;
  readonly handlers: Handlers;
  readonly db: DoorlistDB;
  readonly door: Door;
  readonly client: SyncClient;
  readonly sync: SyncService;
}

const SCAN_TABLES = ["log", "outbox", "passState", "counters"];

/** Passes checked per round against their records when a search fills its limit. */
const SEARCH_CHECK_BATCH = 50;

/**
 * Passes whose name has a word starting with `q` (normalized), in order of normalized name, so a
 * list does not reorder as pages arrive. Candidates come from the name blocks; each is checked
 * against its pass record, the authority, so a line left behind by a renamed pass finds nothing.
 */
async function searchPasses(db: DoorlistDB, q: string, max: number): Promise<PassRecord[]> {
  const candidates = searchNameBlocks(await db.names.toArray(), q);
  candidates.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const out: PassRecord[] = [];
  for (let i = 0; i < candidates.length && out.length < max; i += SEARCH_CHECK_BATCH) {
    const batch = candidates.slice(i, i + SEARCH_CHECK_BATCH);
    const records = await db.getPasses(batch.map((c) => c.id));
    for (const r of records) {
      if (r && out.length < max && nameMatches(normalizeName(r.holder), q)) out.push(r);
    }
  }
  return out;
}

export function createDoorApp(deps: DoorAppDeps): DoorApp {
  const { db } = deps;
  const now = deps.now ?? (() => Date.now());
  const isOnline = deps.isOnline ?? (() => true);
  const listeners = new Set<Listener>();
  const emit = (event: AppEvent): void => {
    for (const l of listeners) {
      try {
        l(event);
      } catch (err) {
        // One broken screen must not stop the others from hearing about changes.
        console.error("doorlist: an AppEvent listener threw", err);
      }
    }
  };

  const door = new Door(deps.verifier ? { db, now, verifier: deps.verifier } : { db, now });
  const client = new SyncClient({
    db,
    fetch: deps.fetch,
    baseUrl: deps.baseUrl ?? "",
    now,
    ...(deps.timeoutMs !== undefined ? { timeoutMs: deps.timeoutMs } : {}),
    ...(deps.limits !== undefined ? { limits: deps.limits } : {}),
    onChange: (tables) => {
      if (tables.includes("keys") || tables.includes("meta")) door.invalidateKeys();
      emit({ type: "data-changed", tables });
    },
  });
  const sync = new SyncService({
    db,
    client,
    now,
    random: deps.random ?? Math.random,
    isOnline,
    onStatus: (status) => emit({ type: "sync-status", status }),
    ...(deps.intervalMs !== undefined ? { intervalMs: deps.intervalMs } : {}),
  });

  /** After a local write: screens refresh, the header's pending count moves. */
  const afterScan = (): void => {
    emit({ type: "data-changed", tables: SCAN_TABLES });
    void sync.emitStatus().catch(() => undefined);
    sync.nudge();
  };

  async function deviceIdentity(): Promise<DeviceIdentity | null> {
    const id = await client.publicIdentity();
    return id && { deviceId: id.deviceId, eventId: id.eventId, role: id.role, label: id.label, enrolledAt: id.enrolledAt };
  }

  const handlers: Handlers = {
    "device/get": async () => {
      const device = await deviceIdentity();
      if (!device) return null;
      return { device, event: (await db.getMeta("event")) ?? null };
    },

    "device/enroll": async ({ code, label, onProgress }) => {
      const identity = await client.enroll(code, label);
      door.invalidateKeys();
      door.resetJitter();
      const progress = (p: RosterProgress): void => {
        onProgress?.(p);
        emit({ type: "roster-progress", progress: p });
      };
      progress({ passes: 0, bytes: 0, done: false });
      try {
        await client.syncRoster(progress);
      } catch (err) {
        // Enrolled all the same (the code is spent): the scheduler finishes the roster later.
        await client.recordFailure(err);
      }
      try {
        await (deps.persist ?? defaultPersist)();
      } catch {
        // Best effort: a browser that refuses persistence still keeps the data until pressure evicts it.
      }
      await sync.emitStatus();
      return { deviceId: identity.deviceId, eventId: identity.eventId, role: identity.role, label: identity.label, enrolledAt: identity.enrolledAt };
    },

    "device/set-label": async ({ label }) => {
      const clean = label.trim().slice(0, 200);
      if (clean.length === 0) throw new Error("A device label cannot be empty.");
      await db.transaction("rw", db.meta, async () => {
        const identity = await db.getMeta("identity");
        if (!identity) throw new Error("This device is not enrolled in an event yet.");
        await db.putMeta("identity", { ...identity, label: clean });
      });
      emit({ type: "data-changed", tables: ["meta"] });
    },

    "device/wipe": async ({ confirmLoss }) => {
      const result = await db.transaction("rw", db.allTables, async () => {
        const pending = await db.outbox.count();
        if (pending > 0 && !confirmLoss) return { wiped: false as const, pending };
        await Promise.all(db.allTables.map((t) => t.clear()));
        return { wiped: true as const };
      });
      if (result.wiped) {
        door.invalidateKeys();
        door.resetJitter();
        emit({ type: "data-changed", tables: db.allTables.map((t) => t.name) });
        await sync.emitStatus();
      }
      return result;
    },

    "door/scan": async ({ text, source }) => {
      const outcome = await door.scan(text, source);
      if (!outcome.ignored) afterScan();
      return outcome;
    },

    "door/admit-pass": async ({ passId }) => {
      const outcome = await door.admitPass(passId);
      afterScan();
      return outcome;
    },

    "door/search": async ({ query, limit }) => {
      const q = normalizeName(query);
      if (q.length === 0) return [];
      const max = Math.max(1, Math.min(limit ?? 20, 200));
      const byName = await searchPasses(db, q, max);
      // A pass id read off a screen or a printout finds its pass too.
      const byId = /^[0-9a-f]{12}$/.test(q) ? await db.getPass(q) : undefined;
      const records = byId && !byName.some((p) => p.id === byId.id) ? [byId, ...byName].slice(0, max) : byName;
      const ids = records.map((p) => p.id);
      const [revoked, states] = await Promise.all([db.revocations.bulkGet(ids), db.passState.bulkGet(ids)]);
      return records.map((raw, i): HolderMatch => {
        const p = passRecordSchema.parse(raw);
        const rawState = states[i];
        const state = rawState ? passStateSchema.parse(rawState) : undefined;
        const match: HolderMatch = { passId: p.id, holder: p.holder, tier: p.tier, revoked: p.revoked === 1 || revoked[i] !== undefined };
        if (state?.lastAdmitAt != null) match.admittedAt = state.lastAdmitAt;
        return match;
      });
    },

    "door/counts": async () => {
      const [c, event] = await Promise.all([db.getCounters(), db.getMeta("event")]);
      return { insideNow: Math.max(0, c.admits - c.exits), admitted: c.admits, capacity: event?.capacity ?? null };
    },

    "door/settings": async () => (await db.getMeta("settings")) ?? { ...DEFAULT_DOOR_SETTINGS },

    "door/save-settings": async (settings: DoorSettings) => {
      const tiers = settings.tiers === null ? null : [...new Set(settings.tiers)];
      await db.putMeta("settings", { tiers, reentry: settings.reentry, mode: settings.mode });
      emit({ type: "data-changed", tables: ["meta"] });
    },

    // Sorted by code unit, the order the v3 tier index gave.
    "door/tiers": async () => [...new Set((await db.names.toArray()).flatMap((b) => b.tiers))].sort(),

    ...volunteerHandlers({
      db,
      now,
      ...(deps.verifier ? { verifier: deps.verifier } : {}),
      written: (tables) => {
        // Same as after a scan: screens refresh, the pending count moves, the push comes sooner.
        emit({ type: "data-changed", tables });
        void sync.emitStatus().catch(() => undefined);
        sync.nudge();
      },
    }),

    "sync/now": async () => sync.syncNow(),
    "sync/status": async () => sync.status(),
  };

  return {
    send<K extends HandlerName>(name: K, args: ArgsOf<K>): Promise<ResultOf<K>> {
      const handler = handlers[name] as (a: ArgsOf<K>) => Promise<ResultOf<K>>;
      if (typeof handler !== "function") return Promise.reject(new Error(`unknown command ${String(name)}`));
      return handler(args);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    startSync: (env) => sync.start(env),
    handlers,
    db,
    door,
    client,
    sync,
  };
}

async function defaultPersist(): Promise<boolean> {
  const storage = typeof navigator !== "undefined" ? navigator.storage : undefined;
  if (!storage || typeof storage.persist !== "function") return false;
  if (typeof storage.persisted === "function" && (await storage.persisted())) return true;
  return storage.persist();
}
