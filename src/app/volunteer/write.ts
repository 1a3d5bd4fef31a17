/**
 * The volunteer write path, the same shape as the door's scan path: one Dexie transaction reads
 * what it needs, builds the entry, and writes the entry, its outbox row, the next seq and the
 * derived state together. The caller's answer is computed inside it too, so nothing is confirmed
 * on screen before it is on disk.
 */
import { checkEntry, type Entry } from "../../sync/index.js";
import type { DoorlistDB } from "../db/database.js";
import { parseMeta, type StoredIdentity } from "../db/records.js";
import { entryIdOf } from "../door/scan.js";
import { volunteerTables, applyVolunteerEntries } from "./store.js";

export class NotEnrolledError extends Error {
  constructor() {
    super("This device is not enrolled in an event yet.");
    this.name = "NotEnrolledError";
  }
}

export interface WriteContext {
  identity: StoredIdentity;
  seq: number;
  /** the entry id this write will use */
  id: string;
  /** the device clock at the write */
  at: number;
}

/** Labels are bounded like every short text in an entry. */
export const labelFor = (identity: StoredIdentity): string => identity.label.slice(0, 200);

export async function writeEntry<T>(
  db: DoorlistDB,
  now: () => number,
  build: (ctx: WriteContext) => Promise<Entry>,
  finish: (entry: Entry, ctx: WriteContext) => Promise<T>,
): Promise<T> {
  return db.transaction("rw", [db.meta, db.items, db.passBlocks, db.revocations, db.log, db.outbox, ...volunteerTables(db)], async () => {
    const [idRow, seqRow] = await db.meta.bulkGet(["identity", "seq"]);
    if (!idRow) throw new NotEnrolledError();
    const identity = parseMeta("identity", idRow.value);
    const seq = seqRow ? parseMeta("seq", seqRow.value).next : 1;
    const ctx: WriteContext = { identity, seq, id: entryIdOf(identity.deviceId, seq), at: now() };
    const checked = checkEntry(await build(ctx));
    // An entry this code builds and the shared validator refuses is a bug: fail loudly, write nothing.
    if (!checked.ok) throw new Error(`refusing to log an invalid entry: ${checked.message}`);
    await Promise.all([db.log.add(checked.entry), db.outbox.add({ seq }), db.meta.put({ key: "seq", value: { next: seq + 1 } })]);
    await applyVolunteerEntries(db, [checked.entry], identity.deviceId);
    return finish(checked.entry, ctx);
  });
}
