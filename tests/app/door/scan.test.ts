import { describe, expect, it } from "vitest";
import { base45Decode, passToText, PASS_PREFIX, tweetnaclVerifier } from "../../../src/pass/index.js";
import { checkEntry } from "../../../src/sync/index.js";
import { Door, NotEnrolledError } from "../../../src/app/door/scan.js";
import { DoorlistDB } from "../../../src/app/db/database.js";
import { clock, enrolledDb, freshName, passId, passText, rosterPass, STRANGER_KEY } from "../fixtures.js";

function door(db: DoorlistDB, c = clock()) {
  return { c, d: new Door({ db, now: c.now, verifier: async () => tweetnaclVerifier }) };
}

function forge(text: string): string {
  const bytes = base45Decode(text.slice(PASS_PREFIX.length))!;
  bytes[bytes.length - 1] = bytes.at(-1)! ^ 0x01;
  return passToText(bytes);
}

describe("door scan", () => {
  it("admits, and writes entry, outbox row, pass state and counters together", async () => {
    const db = await enrolledDb({ passes: [rosterPass(passId(1), "Ann Lee")] });
    const { d } = door(db);
    const out = await d.scan(passText({ passId: passId(1) }), "camera");
    expect(out).toMatchObject({ verdict: "ADMIT", ignored: false, holder: "Ann Lee", tier: "GA", insideNow: 1, entryId: "dev-a-1" });
    const [entry] = await db.log.toArray();
    expect(checkEntry(entry).ok).toBe(true);
    expect(entry).toMatchObject({ id: "dev-a-1", seq: 1, type: "admit", passId: passId(1), data: { verdict: "ADMIT", door: "North door", holder: "Ann Lee" } });
    expect(await db.outbox.toArray()).toEqual([{ seq: 1 }]);
    expect(await db.passState.get(passId(1))).toMatchObject({ admits: 1, inside: 1, lastAdmitWhere: "North door" });
    expect(await db.getCounters()).toEqual({ admits: 1, exits: 0 });
  });

  it("logs every scan that is not jitter, with seq 1, 2, 3 … and unique ids", async () => {
    const db = await enrolledDb();
    const { c, d } = door(db);
    const texts = [passText({ passId: passId(1) }), "HELLO", passText({ passId: passId(2) }), forge(passText({ passId: passId(3) })), passText({ passId: passId(4) }, STRANGER_KEY)];
    const verdicts = [];
    for (const t of texts) {
      verdicts.push((await d.scan(t, "camera")).verdict);
      c.advance(10);
    }
    expect(verdicts).toEqual(["ADMIT", "NOT_A_PASS", "ADMIT", "FORGED", "UNKNOWN_KEY"]);
    const log = await db.log.orderBy("seq").toArray();
    expect(log.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(new Set(log.map((e) => e.id)).size).toBe(5);
    expect(log.map((e) => e.type)).toEqual(["admit", "deny", "admit", "deny", "deny"]);
    expect(log[1]!.data).toMatchObject({ verdict: "NOT_A_PASS", text: "HELLO" });
    expect((await db.outbox.toArray()).map((o) => o.seq)).toEqual([1, 2, 3, 4, 5]);
  });

  it("concurrent scans still get seq 1..n with no gaps, and each is committed before its verdict returns", async () => {
    const db = await enrolledDb();
    const { d } = door(db);
    const outs = await Promise.all(Array.from({ length: 12 }, (_, i) => d.scan(i % 3 === 0 ? `JUNK-${i}` : passText({ passId: passId(i + 1) }), "camera")));
    expect(outs.map((o) => o.entryId).sort()).toEqual(Array.from({ length: 12 }, (_, i) => `dev-a-${i + 1}`).sort());
    // A second connection sees every entry: the verdicts were returned after their commits.
    const other = new DoorlistDB(db.name);
    expect((await other.log.orderBy("seq").primaryKeys())).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    expect(await other.outbox.count()).toBe(12);
    expect(await other.getMeta("seq")).toEqual({ next: 13 });
    other.close();
  });

  it("ignores the same code within 3 s silently, then says ALREADY_IN", async () => {
    const db = await enrolledDb();
    const { c, d } = door(db);
    const t = passText({ passId: passId(7) });
    expect((await d.scan(t, "camera")).verdict).toBe("ADMIT");
    c.advance(1000);
    const again = await d.scan(t, "camera");
    expect(again.ignored).toBe(true);
    expect(again.entryId).toBeUndefined();
    c.advance(2500); // 3.5 s after the first sighting, 2.5 s after the last: still the same hold
    expect((await d.scan(t, "camera")).ignored).toBe(true);
    expect(await db.log.count()).toBe(1);
    c.advance(3000);
    const later = await d.scan(t, "camera");
    expect(later).toMatchObject({ verdict: "ALREADY_IN", ignored: false, previous: { where: "North door" } });
    expect((await db.log.get(2))?.type).toBe("deny");
    // another code in between is not jitter
    c.advance(100);
    expect((await d.scan(passText({ passId: passId(8) }), "camera")).ignored).toBe(false);
  });

  it("writes nothing when the transaction fails part-way", async () => {
    const db = await enrolledDb();
    const { d } = door(db);
    // A stray outbox row for seq 1 makes the outbox write fail after the log and state writes.
    await db.outbox.add({ seq: 1 });
    await expect(d.scan(passText({ passId: passId(1) }), "camera")).rejects.toThrow();
    expect(await db.log.count()).toBe(0);
    expect(await db.passState.count()).toBe(0);
    expect(await db.getCounters()).toEqual({ admits: 0, exits: 0 });
    expect(await db.getMeta("seq")).toBeUndefined();
  });

  it("REVOKED, NOT_AT_THIS_DOOR, FULL from what the device holds", async () => {
    const db = await enrolledDb({ capacity: 2, passes: [rosterPass(passId(2), "Vee", "VIP")] });
    await db.revocations.put({ passId: passId(1), revokedAt: null });
    await db.putMeta("settings", { tiers: ["GA"], reentry: true, mode: "entry" });
    const { d } = door(db);
    expect((await d.scan(passText({ passId: passId(1) }), "camera")).verdict).toBe("REVOKED");
    expect((await d.scan(passText({ passId: passId(2), tier: "VIP" }), "camera")).verdict).toBe("NOT_AT_THIS_DOOR");
    expect((await d.scan(passText({ passId: passId(3) }), "camera")).verdict).toBe("ADMIT");
    const second = await d.scan(passText({ passId: passId(4) }), "camera");
    expect(second).toMatchObject({ verdict: "ADMIT", insideNow: 2, nearCapacity: true });
    const full = await d.scan(passText({ passId: passId(5) }), "camera");
    expect(full).toMatchObject({ verdict: "FULL", insideNow: 2, capacity: 2 });
  });

  it("exit mode scans out, and re-entry follows the list", async () => {
    const db = await enrolledDb();
    const { c, d } = door(db);
    const t = passText({ passId: passId(1) });
    await d.scan(t, "camera");
    await db.putMeta("settings", { tiers: null, reentry: false, mode: "exit" });
    c.advance(5000);
    expect((await d.scan(t, "camera")).verdict).toBe("EXITED");
    expect(await db.getCounters()).toEqual({ admits: 1, exits: 1 });
    c.advance(5000);
    expect((await d.scan(t, "camera")).verdict).toBe("NOT_INSIDE");
    await db.putMeta("settings", { tiers: null, reentry: false, mode: "entry" });
    c.advance(5000);
    expect((await d.scan(t, "camera")).verdict).toBe("ALREADY_IN");
    await db.putMeta("settings", { tiers: null, reentry: true, mode: "entry" });
    c.advance(5000);
    expect((await d.scan(t, "camera")).verdict).toBe("ADMIT");
    expect((await db.log.toArray()).map((e) => e.type)).toEqual(["admit", "exit", "deny", "deny", "admit"]);
  });

  it("manual admission is logged as manual and still refuses a second entry", async () => {
    const db = await enrolledDb({ passes: [rosterPass(passId(9), "Noor")] });
    const { d } = door(db);
    expect(await d.admitPass(passId(9))).toMatchObject({ verdict: "ADMIT", holder: "Noor" });
    expect((await db.log.get(1))?.data).toMatchObject({ manual: true });
    expect((await d.admitPass(passId(9))).verdict).toBe("ALREADY_IN");
  });

  it("refuses to scan before enrollment", async () => {
    const db = new DoorlistDB(freshName("noenroll"));
    const { d } = door(db);
    await expect(d.scan(passText({ passId: passId(1) }), "camera")).rejects.toBeInstanceOf(NotEnrolledError);
    await expect(d.scan("junk", "typed")).rejects.toBeInstanceOf(NotEnrolledError);
    expect(await db.log.count()).toBe(0);
  });
});
