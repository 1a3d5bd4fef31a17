/**
 * The scan path: text in, verdict out, entry committed. Decode and verify run first (the signature
 * check is async crypto and cannot live inside an IndexedDB transaction, which commits as soon as
 * it has nothing to wait on); then one transaction reads the state, decides, and writes the entry,
 * its outbox row and the derived state together. The outcome is returned only after that commits,
 * so a verdict on screen always has its entry on disk.
 */
import {
  bestVerifier,
  decodePassText,
  DEFAULT_CLOCK_SKEW_MS,
  verifyPass,
  type DecodeResult,
  type Ed25519Verifier,
  type VerifyResult,
} from "../../pass/index.js";
import { checkEntry, type Entry } from "../../sync/index.js";
import type { DoorSettings, ScanOutcome, ScanSource } from "../commands/types.js";
import type { DoorlistDB } from "../db/database.js";
import { parseMeta, passRecordSchema, passStateSchema, revocationRecordSchema, type MetaKey } from "../db/records.js";
import { counterDelta, insideNow, reducePassState } from "../sync/reduce.js";
import { decide, type Decision, type VerdictInput } from "./verdict.js";

/** The same code again within this window is the camera seeing it twice, not a second scan. */
export const JITTER_MS = 3000;
export const DEFAULT_DOOR_SETTINGS: DoorSettings = { tiers: null, reentry: true, mode: "entry" };
/** Warn from this share of capacity. */
export const NEAR_CAPACITY = 0.9;
const CONTEXT_TTL_MS = 10_000;

export class NotEnrolledError extends Error {
  constructor() {
    super("This device is not enrolled in an event yet.");
    this.name = "NotEnrolledError";
  }
}

export interface DoorDeps {
  db: DoorlistDB;
  /** the device clock */
  now: () => number;
  verifier?: () => Promise<Ed25519Verifier>;
  jitterMs?: number;
}

const cut = (s: string, n: number): string => (s.length > n ? s.slice(0, n) : s);

export class Door {
  private readonly keyCache = new Map<string, Uint8Array>();
  /** normalized text → when it was last seen; sliding, so a code held in view stays ignored */
  private readonly lastSeen = new Map<string, number>();
  private readonly jitterMs: number;
  private cachedContext: { eventId: string; offset: number; at: number } | null = null;

  constructor(private readonly deps: DoorDeps) {
    this.jitterMs = deps.jitterMs ?? JITTER_MS;
  }

  /** Call after a sync, an enrollment or a wipe: keys, the event or the clock offset may have changed. */
  invalidateKeys(): void {
    this.keyCache.clear();
    this.cachedContext = null;
  }

  /**
   * The event and clock offset the signature check needs, kept in memory for a few seconds so a
   * scan costs one IndexedDB transaction, not two. The scan transaction re-reads the identity
   * and the engine re-checks the event from it, so a stale copy can never admit a wrong pass.
   */
  private async context(): Promise<{ eventId: string; offset: number }> {
    const now = this.deps.now();
    if (this.cachedContext && now - this.cachedContext.at >= 0 && now - this.cachedContext.at < CONTEXT_TTL_MS) return this.cachedContext;
    const [idRow, syncRow] = await this.deps.db.meta.bulkGet(["identity", "sync"]);
    if (!idRow) throw new NotEnrolledError();
    const identity = parseMeta("identity", idRow.value);
    const offset = syncRow ? parseMeta("sync", syncRow.value).clockOffsetMs ?? 0 : 0;
    this.cachedContext = { eventId: identity.eventId, offset, at: now };
    return this.cachedContext;
  }

  resetJitter(): void {
    this.lastSeen.clear();
  }

  /** True when this text was seen within the jitter window; records the sighting either way. */
  private isJitter(text: string): boolean {
    const now = this.deps.now();
    for (const [t, at] of this.lastSeen) if (now - at >= this.jitterMs) this.lastSeen.delete(t);
    const seen = this.lastSeen.get(text);
    this.lastSeen.set(text, now);
    return seen !== undefined && now - seen < this.jitterMs;
  }

  private async publicKey(kid: string): Promise<Uint8Array | undefined> {
    const hit = this.keyCache.get(kid);
    if (hit) return hit;
    // Misses are not cached: the next roster sync may bring the key.
    const row = await this.deps.db.keys.get(kid);
    if (row) this.keyCache.set(kid, row.publicKey);
    return row?.publicKey;
  }

  async scan(rawText: string, source: ScanSource): Promise<ScanOutcome> {
    const text = typeof rawText === "string" ? rawText.trim() : "";
    if (this.isJitter(text)) return this.ignored(text);
    const decoded: DecodeResult = decodePassText(text);
    let signature: VerifyResult | undefined;
    if (decoded.ok) {
      const { eventId, offset } = await this.context();
      const pass = decoded.pass;
      const key = pass.eventId === eventId ? await this.publicKey(pass.kid) : undefined;
      signature = await verifyPass(pass, {
        eventId,
        keys: (kid) => (kid === pass.kid ? key : undefined),
        now: this.deps.now() + offset,
        clockSkewMs: DEFAULT_CLOCK_SKEW_MS,
        verifier: await (this.deps.verifier ?? bestVerifier)(),
      });
    }
    const input: VerdictInput = signature ? { kind: "scan", decoded, signature } : { kind: "scan", decoded };
    return this.record(input, { manual: false, text, source });
  }

  /** The manual path: a pass found by name, admitted by tap. Same engine, no signature, logged as manual. */
  async admitPass(passId: string): Promise<ScanOutcome> {
    return this.record({ kind: "manual", passId }, { manual: true, text: "", source: "search" });
  }

  private async ignored(text: string): Promise<ScanOutcome> {
    const { db } = this.deps;
    const [counters, eventRow] = await Promise.all([db.getCounters(), db.meta.get("event")]);
    const capacity = eventRow ? parseMeta("event", eventRow.value).capacity : null;
    const decoded = decodePassText(text);
    const inside = insideNow(counters);
    return {
      verdict: "NOT_A_PASS",
      ignored: true,
      ...(decoded.ok ? { passId: decoded.pass.passId, tier: decoded.pass.tier } : {}),
      detail: "same code within 3 seconds: ignored",
      insideNow: inside,
      capacity,
      nearCapacity: capacity !== null && inside >= capacity * NEAR_CAPACITY,
    };
  }

  private async record(input: VerdictInput, how: { manual: boolean; text: string; source: ScanSource }): Promise<ScanOutcome> {
    const { db } = this.deps;
    const passId = input.kind === "manual" ? input.passId : input.decoded.ok ? input.decoded.pass.passId : undefined;
    return db.transaction("rw", [db.meta, db.passBlocks, db.revocations, db.passState, db.counters, db.log, db.outbox], async () => {
      const keys: MetaKey[] = ["identity", "settings", "event", "sync", "seq"];
      // Every read at once: IndexedDB queues them in one transaction, one round trip instead of four.
      const [[idRow, settingsRow, eventRow, syncRow, seqRow], [rec, rev, ps], counters] = await Promise.all([
        db.meta.bulkGet(keys),
        passId
          ? Promise.all([db.getPass(passId), db.revocations.get(passId), db.passState.get(passId)])
          : Promise.resolve([undefined, undefined, undefined] as const),
        db.getCounters(),
      ]);
      if (!idRow) throw new NotEnrolledError();
      const identity = parseMeta("identity", idRow.value);
      const settings = settingsRow ? parseMeta("settings", settingsRow.value) : DEFAULT_DOOR_SETTINGS;
      const capacity = eventRow ? parseMeta("event", eventRow.value).capacity : null;
      const offset = syncRow ? parseMeta("sync", syncRow.value).clockOffsetMs ?? 0 : 0;
      const seq = seqRow ? parseMeta("seq", seqRow.value).next : 1;
      const passRecord = rec ? passRecordSchema.parse(rec) : undefined;
      const passState = ps ? passStateSchema.parse(ps) : undefined;
      if (rev) revocationRecordSchema.parse(rev);
      const now = this.deps.now();
      const decision = decide(
        input,
        { passRecord, revoked: rev !== undefined, passState, insideNow: insideNow(counters), capacity },
        { ...settings, eventId: identity.eventId, now: now + offset },
      );

      const entry = buildEntry(decision, {
        deviceId: identity.deviceId,
        seq,
        at: now,
        door: identity.label,
        manual: how.manual,
        text: how.text,
      });
      const checked = checkEntry(entry);
      // An entry this code builds and the shared validator refuses is a bug: fail loudly, write nothing.
      if (!checked.ok) throw new Error(`refusing to log an invalid entry: ${checked.message}`);

      const nextState = reducePassState(passState, checked.entry);
      const delta = counterDelta(checked.entry);
      const after = { admits: counters.admits + (delta.admits ?? 0), exits: counters.exits + (delta.exits ?? 0) };
      // Issued together, committed together: if any write fails, the transaction aborts and none land.
      await Promise.all([
        db.log.add(checked.entry),
        nextState && nextState !== passState ? db.passState.put(nextState) : undefined,
        after.admits !== counters.admits || after.exits !== counters.exits
          ? db.counters.bulkPut([
              { key: "admits", value: after.admits },
              { key: "exits", value: after.exits },
            ])
          : undefined,
        db.outbox.add({ seq }),
        db.meta.put({ key: "seq", value: { next: seq + 1 } }),
      ]);

      const inside = insideNow(after);
      const outcome: ScanOutcome = {
        verdict: decision.verdict,
        ignored: false,
        detail: decision.detail,
        entryId: checked.entry.id,
        insideNow: inside,
        capacity,
        nearCapacity: capacity !== null && inside >= capacity * NEAR_CAPACITY,
      };
      if (decision.passId !== undefined) outcome.passId = decision.passId;
      if (decision.holder !== undefined) outcome.holder = decision.holder;
      if (decision.tier !== undefined) outcome.tier = decision.tier;
      if (decision.previous !== undefined) outcome.previous = decision.previous;
      return outcome;
    });
  }
}

export function entryIdOf(deviceId: string, seq: number): string {
  return `${deviceId}-${seq}`;
}

/** The log entry for a decision: admit and exit as themselves, every refusal as a deny with its verdict. */
export function buildEntry(
  d: Decision,
  ctx: { deviceId: string; seq: number; at: number; door: string; manual: boolean; text: string },
): Entry {
  const base = { id: entryIdOf(ctx.deviceId, ctx.seq), deviceId: ctx.deviceId, seq: ctx.seq, at: ctx.at };
  const door = cut(ctx.door, 200);
  const manual = ctx.manual ? { manual: true } : {};
  const who = {
    ...(d.tier !== undefined ? { tier: cut(d.tier, 200) } : {}),
    ...(d.holder !== undefined ? { holder: cut(d.holder, 200) } : {}),
  };
  if (d.entryType === "admit" && d.passId !== undefined) {
    return { ...base, type: "admit", passId: d.passId, data: { verdict: d.verdict, door, ...who, ...manual } };
  }
  if (d.entryType === "exit" && d.passId !== undefined) {
    return { ...base, type: "exit", passId: d.passId, data: { verdict: d.verdict, door, ...manual } };
  }
  return {
    ...base,
    type: "deny",
    ...(d.passId !== undefined ? { passId: d.passId } : {}),
    data: {
      verdict: d.verdict,
      detail: cut(d.detail, 200),
      door,
      ...who,
      ...manual,
      // Only unreadable codes keep their text, cut short: enough to recognise, never a whole payload.
      ...(d.verdict === "NOT_A_PASS" && ctx.text.length > 0 ? { text: cut(ctx.text, 64) } : {}),
    },
  };
}
