/**
 * The sync client: enrollment, roster download, push of this device's outbox, pull of every other
 * device's entries. Each step holds no IndexedDB transaction across the network: a response is
 * fetched first, then written in one short transaction, so a scan never waits for the network.
 */
import { fromHex } from "../../pass/index.js";
import { checkEntry, MAX_PUSH_ENTRIES, type Entry } from "../../sync/index.js";
import type { RosterProgress } from "../commands/types.js";
import { Dexie } from "dexie";
import { appendPasses, compactPasses, type DoorlistDB } from "../db/database.js";
import { parseMeta, passStateSchema, type PassRecord, type PassState, type StoredIdentity } from "../db/records.js";
import { clockOffset, describeError, HttpError, requestJson, type HttpDeps } from "./http.js";
import { reduceEntries } from "./reduce.js";
import { applyVolunteerEntries, volunteerTables } from "../volunteer/store.js";
import { enrollResponseSchema, pullResponseSchema, pushResponseSchema, rosterResponseSchema } from "./wire.js";

/** Push batches stay well under the API's 1,000 entries and 2 MiB. */
export const PUSH_BATCH = 500;
export const PULL_LIMIT = 1000;
/**
 * The server's largest roster page (MAX_ROSTER_LIMIT). With passes written in blocks a page's write is
 * short, so fewer round trips win: 100,000 passes loaded in 2.32–2.43 s against 2.50–2.70 s at 5,000.
 */
export const ROSTER_LIMIT = 10_000;
/**
 * Each roster page with passes adds a name block; past this many, the page's transaction compacts
 * the roster (a few seconds for 100,000 passes, once in hundreds of syncs), so searches keep reading
 * a few records, old copies of re-sent passes go, and a tier no pass holds leaves the tier list.
 * A first load makes 20 blocks.
 */
export const MAX_NAME_BLOCKS = 200;
/** Upper bound on pages per run, so a misbehaving server cannot keep a sync running forever. */
const MAX_PAGES = 10_000;

export class NotEnrolled extends Error {
  constructor() {
    super("This device is not enrolled in an event yet.");
    this.name = "NotEnrolled";
  }
}

export interface SyncClientDeps extends HttpDeps {
  db: DoorlistDB;
  /** told which tables a step changed, after its transaction commits */
  onChange?: (tables: string[]) => void;
  /** page and batch sizes; the defaults suit production, tests shrink them to exercise paging */
  limits?: Partial<SyncLimits>;
}

export interface SyncLimits {
  push: number;
  pull: number;
  roster: number;
}

export interface PushResult {
  /** entries the server now holds that the outbox no longer carries */
  acked: number;
  pending: number;
  /** set when the server refused the batch (400, 409, 401, 403): entries stay in the outbox */
  refused?: string;
}

export interface RunResult {
  push: PushResult;
  pulled: number;
  rosterPasses: number;
  /** the first refusal or failure met, in words; null when everything went through */
  error: string | null;
}

/** An enrollment link (…/enroll?code=XXXX-XXXX-XXXX) or a bare code → the code. */
export function enrollmentCodeFrom(input: string): string {
  const text = input.trim();
  if (/^https?:\/\//i.test(text)) {
    try {
      const url = new URL(text);
      const fromQuery = url.searchParams.get("code");
      if (fromQuery) return fromQuery;
      const fromHash = new URLSearchParams(url.hash.replace(/^#/, "")).get("code");
      if (fromHash) return fromHash;
    } catch {
      // not a URL after all: use it as typed
    }
  }
  return text;
}

export class SyncClient {
  private readonly limits: SyncLimits;

  constructor(private readonly deps: SyncClientDeps) {
    this.limits = { push: PUSH_BATCH, pull: PULL_LIMIT, roster: ROSTER_LIMIT, ...deps.limits };
  }

  private get db(): DoorlistDB {
    return this.deps.db;
  }

  private async identity(): Promise<StoredIdentity> {
    const identity = await this.db.getMeta("identity");
    if (!identity) throw new NotEnrolled();
    return identity;
  }

  /**
   * Inside a write transaction: the device is still the one this step started for. A wipe or a
   * new enrollment while a request was in flight must not receive the old identity's data.
   */
  private async stillEnrolledAs(identity: StoredIdentity): Promise<void> {
    const now = await this.db.getMeta("identity");
    if (!now || now.deviceId !== identity.deviceId) throw new NotEnrolled();
  }

  /**
   * Trades an enrollment code for a device token and stores the identity. The roster is not
   * fetched here; the caller runs syncRoster next, so the progress bar can follow it.
   */
  async enroll(codeOrLink: string, label: string): Promise<StoredIdentity> {
    const code = enrollmentCodeFrom(codeOrLink);
    const cleanLabel = label.trim().slice(0, 200);
    const existing = await this.db.getMeta("identity");
    if (existing) {
      const pending = await this.db.outbox.count();
      if (pending > 0) {
        throw new Error(`This device is enrolled and holds ${pending} entries not yet synced; sync or wipe it before enrolling again.`);
      }
    }
    const answer = await requestJson(this.deps, "POST", "/api/v1/enroll", enrollResponseSchema, { body: { code, label: cleanLabel } });
    const r = answer.data;
    const identity: StoredIdentity = {
      deviceId: r.deviceId,
      token: r.token,
      eventId: r.eventId,
      role: r.role,
      label: cleanLabel || r.deviceId,
      enrolledAt: this.deps.now(),
    };
    const db = this.db;
    await db.transaction("rw", db.allTables, async () => {
      // A new identity starts a new log: nothing of a previous enrollment may be pushed under it.
      await Promise.all(db.allTables.map((t) => t.clear()));
      await db.putMeta("identity", identity);
      if (r.event) await db.putMeta("event", r.event);
      await db.putMeta("sync", {
        rosterCursor: null,
        pullCursor: null,
        lastSyncAt: null,
        lastError: null,
        clockOffsetMs: null,
      });
    });
    this.deps.onChange?.(db.allTables.map((t) => t.name));
    return identity;
  }

  /** Downloads roster changes since the stored cursor, page by page; each page commits with its cursor. */
  async syncRoster(onProgress?: (p: RosterProgress) => void): Promise<number> {
    const identity = await this.identity();
    const db = this.db;
    const fetchPage = (cursor: string | null) => {
      const query = new URLSearchParams({ limit: String(this.limits.roster) });
      if (cursor) query.set("cursor", cursor);
      return requestJson(this.deps, "GET", `/api/v1/sync/roster?${query}`, rosterResponseSchema, { token: identity.token });
    };
    let passes = 0;
    let bytes = 0;
    let pending = fetchPage((await db.getSyncState()).rosterCursor);
    for (let page = 0; page < MAX_PAGES; page++) {
      const answer = await pending;
      const r = answer.data;
      // The next page is on its way while this one is written: with 100,000 passes the
      // download and the IndexedDB writes overlap instead of taking turns.
      if (r.more) {
        pending = fetchPage(r.cursor);
        // If this page's write fails, nobody awaits the prefetch; keep its failure from going unhandled.
        pending.catch(() => undefined);
      }
      await db.transaction("rw", [db.passBlocks, db.names, db.keys, db.revocations, db.items, db.meta], async () => {
        await this.stillEnrolledAs(identity);
        for (const k of r.keys) {
          const publicKey = fromHex(k.publicKey);
          // A retired key no longer vouches for any pass: dropping it makes its passes UNKNOWN_KEY.
          if (k.retired || !publicKey) await db.keys.delete(k.kid);
          else await db.keys.put({ kid: k.kid, publicKey, retired: 0 });
        }
        const records: PassRecord[] = r.passes.map((p) => {
          const rec: PassRecord = { id: p.id, holder: p.holder, tier: p.tier };
          if (Object.keys(p.entitlements).length > 0) rec.entitlements = p.entitlements;
          if (p.validFrom != null) rec.validFrom = p.validFrom;
          if (p.validUntil != null) rec.validUntil = p.validUntil;
          if (p.revoked) rec.revoked = 1;
          return rec;
        });
        await appendPasses(Dexie.currentTransaction, records);
        if (records.length > 0 && (await db.names.count()) > MAX_NAME_BLOCKS) await compactPasses(Dexie.currentTransaction);
        const revoked = r.passes.filter((p) => p.revoked).map((p) => ({ passId: p.id, revokedAt: p.revokedAt ?? null }));
        const listed = new Set(revoked.map((x) => x.passId));
        for (const id of r.revoked) if (!listed.has(id)) revoked.push({ passId: id, revokedAt: null });
        for (const id of r.revoked) listed.add(id);
        // A pass sent again as not revoked (a revocation undone) leaves the list. The list is
        // small, so read its keys once rather than issue a delete for every pass in the page.
        const held = await db.revocations.toCollection().primaryKeys();
        const inPage = new Set(r.passes.map((p) => p.id));
        const reinstated = held.filter((id) => inPage.has(id) && !listed.has(id));
        if (revoked.length > 0) await db.revocations.bulkPut(revoked);
        if (reinstated.length > 0) await db.revocations.bulkDelete(reinstated);
        if (r.items.length > 0) await db.items.bulkPut(r.items);
        if (r.event) await db.putMeta("event", r.event);
        const state = await db.getSyncState();
        await db.putMeta("sync", {
          ...state,
          rosterCursor: r.cursor,
          clockOffsetMs: clockOffset(r.serverTime, answer.sentAt, answer.receivedAt),
        });
      });
      passes += r.passes.length;
      bytes += answer.bytes;
      onProgress?.({ passes, bytes, done: !r.more });
      if (!r.more) break;
    }
    this.deps.onChange?.(["passBlocks", "names", "keys", "revocations", "items", "meta"]);
    return passes;
  }

  /**
   * Sends the outbox in seq order, in batches. On 200 only seqs the server acknowledges (its
   * contiguous prefix for this device) leave the outbox. A refusal (400, 409, 401, 403) keeps
   * every entry and ends the push with its reason; a network failure throws, keeping everything.
   * A retried batch after a lost answer is safe: the server accepts it as duplicates.
   */
  async push(): Promise<PushResult> {
    const identity = await this.identity();
    const db = this.db;
    let acked = 0;
    let lastAcked = -1;
    for (let round = 0; round < MAX_PAGES; round++) {
      const seqs = await db.outbox.orderBy("seq").limit(Math.min(this.limits.push, MAX_PUSH_ENTRIES)).primaryKeys();
      if (seqs.length === 0) break;
      const rows = await db.log.bulkGet(seqs);
      const entries: Entry[] = [];
      for (const [i, row] of rows.entries()) {
        if (!row) throw new Error(`outbox holds seq ${seqs[i]} but the log does not: the local database is damaged`);
        entries.push(row);
      }
      let answer;
      try {
        answer = await requestJson(this.deps, "POST", "/api/v1/sync/push", pushResponseSchema, { token: identity.token, body: { entries } });
      } catch (err) {
        if (err instanceof HttpError && err.status >= 400 && err.status < 500 && err.status !== 408 && err.status !== 429) {
          return { acked, pending: await db.outbox.count(), refused: describeError(err) };
        }
        throw err;
      }
      const through = answer.data.ackedThroughSeq;
      const first = seqs[0]!;
      let removed = 0;
      await db.transaction("rw", [db.outbox, db.log, db.meta], async () => {
        await this.stillEnrolledAs(identity);
        removed = await db.outbox.where("seq").belowOrEqual(through).delete();
        // The server holds less than this device already let go of (restored from a backup,
        // say): put the missing range back, the log still has it.
        if (through < first - 1) {
          const missing = await db.log.where("seq").between(through + 1, first, true, false).primaryKeys();
          await db.outbox.bulkPut(missing.map((seq) => ({ seq })));
        }
        const state = await db.getSyncState();
        await db.putMeta("sync", { ...state, clockOffsetMs: clockOffset(answer.data.serverTime, answer.sentAt, answer.receivedAt) });
      });
      acked += removed;
      if (removed > 0) this.deps.onChange?.(["outbox"]);
      // No progress: the server keeps answering with the same prefix. Stop rather than spin.
      if (through <= lastAcked || (removed === 0 && through >= first - 1)) {
        const pending = await db.outbox.count();
        return pending > 0 ? { acked, pending, refused: `server acknowledges only through seq ${through}` } : { acked, pending };
      }
      lastAcked = through;
    }
    return { acked, pending: await db.outbox.count() };
  }

  /**
   * Fetches every device's entries after the stored version vector and applies the other devices'
   * entries to the derived pass state and counters, page by page, each page with its cursor in one
   * transaction. This device's own entries are skipped: they were applied when they were written.
   */
  async pull(): Promise<number> {
    const identity = await this.identity();
    const db = this.db;
    let cursor = (await db.getSyncState()).pullCursor;
    let applied = 0;
    let malformed = 0;
    for (let page = 0; page < MAX_PAGES; page++) {
      const query = new URLSearchParams({ limit: String(this.limits.pull) });
      if (cursor) query.set("cursor", cursor);
      const answer = await requestJson(this.deps, "GET", `/api/v1/sync/pull?${query}`, pullResponseSchema, { token: identity.token });
      const r = answer.data;
      const others: Entry[] = [];
      for (const raw of r.entries) {
        const checked = checkEntry(raw);
        if (!checked.ok) malformed += 1;
        else if (checked.entry.deviceId !== identity.deviceId) others.push(checked.entry);
      }
      await db.transaction("rw", [db.remote, db.passState, db.counters, db.meta, ...volunteerTables(db)], async () => {
        await this.stillEnrolledAs(identity);
        const existing = await db.remote.bulkGet(others.map((e): [string, number] => [e.deviceId, e.seq]));
        // Already held (a page re-fetched after a lost cursor write): applying it again would double-count.
        const fresh = others.filter((_, i) => existing[i] === undefined);
        if (fresh.length > 0) {
          await db.remote.bulkPut(fresh);
          const passIds = [...new Set(fresh.flatMap((e) => (e.type === "admit" || e.type === "exit" ? [e.passId] : [])))];
          const current = new Map<string, PassState>();
          for (const s of await db.passState.bulkGet(passIds)) if (s) current.set(s.passId, passStateSchema.parse(s));
          const { states, delta } = reduceEntries(current, fresh);
          if (states.size > 0) await db.passState.bulkPut([...states.values()]);
          await db.addCounters(delta);
          // Sales, pickups, voids: stock left and pickups left move with the same page.
          await applyVolunteerEntries(db, fresh, identity.deviceId);
        }
        applied += fresh.length;
        const state = await db.getSyncState();
        await db.putMeta("sync", {
          ...state,
          pullCursor: r.cursor,
          clockOffsetMs: clockOffset(r.serverTime, answer.sentAt, answer.receivedAt),
        });
      });
      cursor = r.cursor;
      if (!r.more) break;
    }
    if (applied > 0) this.deps.onChange?.(["remote", "passState", "counters", "stock", "ledger", "voids"]);
    if (malformed > 0) throw new Error(`the server sent ${malformed} malformed entries; they were skipped`);
    return applied;
  }

  /**
   * One full sync: push first (what this device holds is what could be lost), then pull, then
   * roster changes (revocations, new passes, keys). A refused push does not stop the pull: the
   * other devices' admissions matter to this door either way. A network failure stops the run.
   */
  async run(): Promise<RunResult> {
    const pushResult = await this.push();
    const pulled = await this.pull();
    const rosterPasses = await this.syncRoster();
    const error = pushResult.refused ?? null;
    await this.db.patchSyncState(error ? { lastError: error } : { lastError: null, lastSyncAt: this.deps.now() });
    return { push: pushResult, pulled, rosterPasses, error };
  }

  /** Records a failed run's reason for the status line. */
  async recordFailure(err: unknown): Promise<void> {
    if (!(await this.db.getMeta("identity"))) return;
    await this.db.patchSyncState({ lastError: describeError(err) });
  }

  /** The device's identity with the token left out, for screens. */
  async publicIdentity(): Promise<Omit<StoredIdentity, "token"> | null> {
    const row = await this.db.meta.get("identity");
    if (!row) return null;
    const { token: _token, ...rest } = parseMeta("identity", row.value);
    return rest;
  }
}
