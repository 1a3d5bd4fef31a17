/**
 * The door app's IndexedDB, through Dexie 4. Every verdict lookup is a primary-key or index hit:
 * passes by id, revocations by passId, the derived per-pass state by passId, keys by kid, and the
 * two venue counters by name.
 *
 * Versions are append-only. A device that was enrolled on an older build keeps its log and
 * outbox (the one thing that must never be lost) through every upgrade.
 */
import { Dexie, type Table, type Transaction } from "dexie";
import type { Entry } from "../../sync/index.js";
import { reduceEntries } from "../sync/reduce.js";
import { nameBlock, nameKeys, type NameBlock } from "./names.js";
import { VOLUNTEER_STORES, type LedgerRecord, type ShiftRecord, type StockRecord, type VoidRecord } from "../volunteer/records.js";
import { rebuildVolunteer } from "../volunteer/store.js";
import {
  EMPTY_SYNC_STATE,
  parseMeta,
  type CounterRecord,
  type ItemRecord,
  type KeyRecord,
  type LogRecord,
  type MetaKey,
  type MetaRecord,
  type MetaValue,
  type OutboxRecord,
  type PassRecord,
  type PassState,
  type RemoteRecord,
  type RevocationRecord,
  type SyncState,
} from "./records.js";

/** Version 1: the first shipped schema. Kept verbatim so the upgrade path stays testable. */
export const SCHEMA_V1 = {
  passes: "id, tier",
  keys: "kid",
  revocations: "passId",
  items: "sku",
  meta: "key",
  log: "seq, &id, passId",
  outbox: "seq",
  remote: "[deviceId+seq], passId, deviceId",
  counters: "key",
} as const;

/**
 * Version 2: name search (a multi-entry index of normalized word suffixes) and the derived
 * per-pass state, which v1 computed by scanning the log and remote entries on every verdict.
 */
export const SCHEMA_V2 = {
  ...SCHEMA_V1,
  passes: "id, tier, *nameKeys",
  passState: "passId, inside",
} as const;

/**
 * Version 3: volunteer mode's derived state — stock sold per sku, every device's sales and
 * pickups with their void status, voids by target, this device's cash shifts (src/app/volunteer).
 */
export const SCHEMA_V3 = { ...SCHEMA_V2, ...VOLUNTEER_STORES } as const;

/**
 * Version 4: passes keep only their primary key. The tier index and the multi-entry name index
 * cost about as much as the records themselves on a 100,000-pass roster load (measured in headless
 * Chromium: 11.5 s with both, 6.8 s with neither); names and tiers move to `names`, one record per
 * roster page (see NameBlock in names.ts). Old records keep their nameKeys field: rewriting every
 * pass at upgrade would hold the door for seconds, and readers ignore the field.
 */
export const SCHEMA_V4 = { ...SCHEMA_V3, passes: "id", names: "++block" } as const;

/**
 * Version 5: passes are stored PASS_BLOCK to a record, found through a multi-entry index of their
 * ids. IndexedDB in Chromium costs ~60 µs per record written whatever its indexes (measured: 100,000
 * one-pass records with only a primary key took 5.9–7.2 s, Dexie or raw, strict or relaxed), so
 * one record per pass could never load a 100,000-pass roster in 5 s; 1,000 blocks with 100,000
 * index entries take ~1 s, and a lookup stays ~1 ms. Blocks are only appended: a pass sent again lands in
 * a newer block and the newest block holding an id is its current record.
 */
export const SCHEMA_V5 = { ...SCHEMA_V4, passes: null, passBlocks: "++block, *ids" } as const;

export const DB_VERSION = 5;

/**
 * Passes per block: a verdict reads and clones one whole block, so blocks stay small; the load still
 * writes only 1,000 records for 100,000 passes. Measured in the verdict bench (100,000 passes): p50
 * 2.3–2.7 ms and p95 3.8–4.5 ms at 100 against 3.1–3.2 / 5.1–5.3 ms at 250 (one record per pass: 2.0–2.2 / 3.7).
 */
export const PASS_BLOCK = 100;

/** Passes stored together; `ids[i]` is `passes[i].id`, indexed so a lookup by id needs no scan. */
export interface PassBlock {
  /** auto-increment: a higher block is newer */
  block?: number;
  ids: string[];
  passes: PassRecord[];
}

/** Appends passes: their pass blocks and one name block, in the caller's transaction (passBlocks and names). */
export async function appendPasses(tx: Transaction, passes: readonly PassRecord[]): Promise<void> {
  if (passes.length === 0) return;
  const blocks: PassBlock[] = [];
  for (let i = 0; i < passes.length; i += PASS_BLOCK) {
    const chunk = passes.slice(i, i + PASS_BLOCK);
    blocks.push({ ids: chunk.map((p) => p.id), passes: chunk });
  }
  await tx.table("passBlocks").bulkAdd(blocks);
  await tx.table("names").add(nameBlock(passes));
}

/**
 * Rewrites the roster with only the current record of each pass, dropping the copies newer blocks
 * replaced: keeps lookups to one block per id and search to a few name blocks after many small syncs.
 */
export async function compactPasses(tx: Transaction): Promise<void> {
  const current = new Map<string, PassRecord>();
  for (const b of (await tx.table("passBlocks").toArray()) as PassBlock[]) for (const p of b.passes) current.set(p.id, p);
  await tx.table("passBlocks").clear();
  await tx.table("names").clear();
  const all = [...current.values()];
  for (let i = 0; i < all.length; i += REBUILD_BLOCK) await appendPasses(tx, all.slice(i, i + REBUILD_BLOCK));
}

/** The v4 → v5 upgrade: every pass record into blocks, and name blocks to match. */
export async function upgradeToV5(tx: Transaction): Promise<void> {
  const passes = ((await tx.table("passes").toArray()) as PassRecord[]).filter((p) => typeof p.id === "string" && typeof p.holder === "string" && typeof p.tier === "string");
  await tx.table("names").clear();
  for (let i = 0; i < passes.length; i += REBUILD_BLOCK) await appendPasses(tx, passes.slice(i, i + REBUILD_BLOCK));
}

/**
 * Passes per name block when blocks are rebuilt from the passes table (the v4 upgrade, compaction):
 * the size of a roster page, so a rebuilt database looks like a freshly loaded one.
 */
const REBUILD_BLOCK = 5000;

/** Replaces every name block with blocks built from the passes table. */
export async function rebuildNames(tx: Transaction): Promise<void> {
  const names = tx.table("names");
  await names.clear();
  const passes = (await tx.table("passes").toArray()) as { id: string; holder?: unknown; tier?: unknown }[];
  const valid = passes.flatMap((p) => (typeof p.holder === "string" && typeof p.tier === "string" ? [{ id: p.id, holder: p.holder, tier: p.tier }] : []));
  const blocks: NameBlock[] = [];
  for (let i = 0; i < valid.length; i += REBUILD_BLOCK) blocks.push(nameBlock(valid.slice(i, i + REBUILD_BLOCK)));
  if (blocks.length > 0) await names.bulkAdd(blocks);
}
export const DEFAULT_DB_NAME = "doorlist";

/** The v1 → v2 upgrade: fill nameKeys, and rebuild pass state and counters from every entry held. */
export async function upgradeToV2(tx: Transaction): Promise<void> {
  await tx
    .table("passes")
    .toCollection()
    .modify((p: { holder?: unknown; nameKeys?: string[] }) => {
      p.nameKeys = typeof p.holder === "string" ? nameKeys(p.holder) : [];
    });
  const own = (await tx.table("log").toArray()) as Entry[];
  const remote = (await tx.table("remote").toArray()) as Entry[];
  const { states, delta } = reduceEntries(new Map(), [...own, ...remote]);
  await tx.table("passState").bulkPut([...states.values()]);
  await tx.table("counters").bulkPut([
    { key: "admits", value: delta.admits },
    { key: "exits", value: delta.exits },
  ]);
}

export class DoorlistDB extends Dexie {
  passBlocks!: Table<PassBlock, number>;
  keys!: Table<KeyRecord, string>;
  revocations!: Table<RevocationRecord, string>;
  items!: Table<ItemRecord, string>;
  meta!: Table<MetaRecord, MetaKey>;
  log!: Table<LogRecord, number>;
  outbox!: Table<OutboxRecord, number>;
  remote!: Table<RemoteRecord, [string, number]>;
  counters!: Table<CounterRecord, string>;
  passState!: Table<PassState, string>;
  stock!: Table<StockRecord, string>;
  ledger!: Table<LedgerRecord, string>;
  voids!: Table<VoidRecord, string>;
  shifts!: Table<ShiftRecord, string>;
  names!: Table<NameBlock, number>;

  constructor(name: string = DEFAULT_DB_NAME) {
    super(name);
    this.version(1).stores(SCHEMA_V1);
    this.version(2).stores(SCHEMA_V2).upgrade(upgradeToV2);
    // The v3 tables are derived only: rebuilt from the log and pulled entries, which stay untouched.
    this.version(3).stores(SCHEMA_V3).upgrade(rebuildVolunteer);
    this.version(4).stores(SCHEMA_V4).upgrade(rebuildNames);
    this.version(5).stores(SCHEMA_V5).upgrade(upgradeToV5);
  }

  /** Every table a wipe clears, and a scan or a sync may report as changed. */
  get allTables(): Table[] {
    return [this.passBlocks, this.keys, this.revocations, this.items, this.meta, this.log, this.outbox, this.remote, this.counters, this.passState, this.stock, this.ledger, this.voids, this.shifts, this.names];
  }

  /** A pass as stored (unvalidated), from the newest block that holds it. Works inside a transaction that includes passBlocks. */
  async getPass(id: string): Promise<PassRecord | undefined> {
    const blocks = await this.passBlocks.where("ids").equals(id).toArray();
    let newest: PassBlock | undefined;
    for (const b of blocks) if (newest === undefined || (b.block ?? 0) > (newest.block ?? 0)) newest = b;
    return newest?.passes[newest.ids.lastIndexOf(id)];
  }

  async getPasses(ids: readonly string[]): Promise<(PassRecord | undefined)[]> {
    return Promise.all(ids.map((id) => this.getPass(id)));
  }

  /** Distinct passes held. Reads every key of the id index: for tests and diagnostics, not the door. */
  async countPasses(): Promise<number> {
    return (await this.passBlocks.orderBy("ids").uniqueKeys()).length;
  }

  /** A meta row, validated; undefined when absent. A row that fails validation throws: it is a bug or corruption, never a default. */
  async getMeta<K extends MetaKey>(key: K): Promise<MetaValue<K> | undefined> {
    const row = await this.meta.get(key);
    return row === undefined ? undefined : parseMeta(key, row.value);
  }

  async putMeta<K extends MetaKey>(key: K, value: MetaValue<K>): Promise<void> {
    await this.meta.put({ key, value: parseMeta(key, value) });
  }

  async getSyncState(): Promise<SyncState> {
    return (await this.getMeta("sync")) ?? { ...EMPTY_SYNC_STATE };
  }

  /**
   * Read-modify-write of the sync row inside its own transaction, so two writers (a roster page
   * and a push result) cannot overwrite each other's fields with stale copies.
   */
  async patchSyncState(patch: Partial<SyncState>): Promise<SyncState> {
    return this.transaction("rw", this.meta, async () => {
      const next = { ...(await this.getSyncState()), ...patch };
      await this.putMeta("sync", next);
      return next;
    });
  }

  async getCounters(): Promise<{ admits: number; exits: number }> {
    const [a, e] = await this.counters.bulkGet(["admits", "exits"]);
    return { admits: a?.value ?? 0, exits: e?.value ?? 0 };
  }

  /** Adds to the venue counters; call inside the transaction that writes the entries. */
  async addCounters(delta: { admits: number; exits: number }): Promise<void> {
    if (delta.admits === 0 && delta.exits === 0) return;
    const c = await this.getCounters();
    await this.counters.bulkPut([
      { key: "admits", value: c.admits + delta.admits },
      { key: "exits", value: c.exits + delta.exits },
    ]);
  }
}
