import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { computeLive } from "../../src/server/report/live.js";
import type { Storage } from "../../src/server/storage/port.js";
import { openTestStore, STORE_KINDS, type TestStore } from "./support/stores.js";

const EVENT = "e0000001";
const T0 = Date.UTC(2026, 10, 24, 18, 0, 0);
let db: Storage;
let store: TestStore;

async function pass(id: string, tier: string, revoked = false) {
  await db.query(
    `INSERT INTO passes (event_id, id, holder, tier, kid, code, created_at, version, revoked_at)
     VALUES ($1, $2, $3, $4, 'k', 'DL:X', 0, 1, $5)`,
    [EVENT, id, `holder ${id}`, tier, revoked ? T0 : null],
  );
}
async function device(id: string, role: string, contiguous: number, offset: number | null) {
  await db.query(
    `INSERT INTO devices (id, event_id, role, label, token_hash, created_at, contiguous_seq, clock_offset_ms, last_sync_at)
     VALUES ($1, $2, $3, $4, $5, 0, $6, $7, $8)`,
    [id, EVENT, role, `${role} ${id}`, `hash-${id}`, contiguous, offset, T0 + 3_600_000],
  );
}
async function entry(deviceId: string, seq: number, type: string, at: number, passId: string | null, data: object = {}) {
  const id = `${deviceId}-${seq}`;
  const body = { id, deviceId, seq, type, at, ...(passId ? { passId } : {}), data };
  await db.query(
    `INSERT INTO entries (event_id, device_id, seq, id, type, at, pass_id, body, received_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 0)`,
    [EVENT, deviceId, seq, id, type, at, passId, JSON.stringify(body)],
  );
}

describe.each(STORE_KINDS)("live view on %s", (kind) => {
  beforeAll(async () => {
    store = await openTestStore(kind);
    db = store.storage;
    await db.query("INSERT INTO events (id, name, starts_at, ends_at, capacity, created_at) VALUES ($1, 'Live', $2, $3, 100, 0)", [EVENT, T0, T0 + 1e7]);
    await db.query("INSERT INTO items (event_id, sku, name, price_cents, stock, version) VALUES ($1, 'TOTE', 'Tote bag', 1500, 10, 1)", [EVENT]);
    for (const [id, tier] of [["p1", "VIP"], ["p2", "GA"], ["p3", "GA"], ["p4", "GA"]] as const) await pass(id, tier);
    await pass("p5", "GA", true);
    await db.query(`UPDATE passes SET entitlements = '{"kit": 1, "tote": 1}' WHERE id = 'p1'`);
    // door A: clock right; door B: clock 10 minutes slow (offset +600000), and seq 3 sits behind a gap
    await device("dA", "door", 4, 0);
    await device("dB", "door", 2, 600_000);
    await device("dV", "volunteer", 3, null);
    await entry("dA", 1, "admit", T0 + 60_000, "p1", { verdict: "ADMIT" });
    await entry("dA", 2, "admit", T0 + 120_000, "p2", { verdict: "ADMIT" });
    await entry("dA", 3, "exit", T0 + 400_000, "p2");
    await entry("dA", 4, "deny", T0 + 410_000, null, { verdict: "REVOKED" });
    // at T0+0 on B's clock = T0+10min in true time
    await entry("dB", 1, "admit", T0, "p3", { verdict: "ADMIT" });
    await entry("dB", 2, "admit", T0 + 30_000, "p1", { verdict: "ALREADY_IN" });
    await entry("dB", 4, "admit", T0 + 60_000, "p4", { verdict: "ADMIT" }); // behind the gap at seq 3
    await entry("dV", 1, "sale", T0, null, { lines: [{ sku: "TOTE", quantity: 2, unitCents: 1500 }], method: "cash", totalCents: 3000 });
    await entry("dV", 2, "sale", T0, null, { lines: [{ sku: "TOTE", quantity: 1, unitCents: 1500 }], method: "card", totalCents: 1500 });
    await entry("dV", 3, "void", T0, null, { voids: "dV-2", reason: "wrong item" });
    await db.query("UPDATE devices SET contiguous_seq = 5 WHERE id = 'dV'");
    await entry("dV", 4, "pickup", T0, "p1", { items: { kit: 1, tote: 1 } });
    await entry("dV", 5, "pickup", T0, "p1", { items: { kit: 1 } });
  });
  afterAll(async () => store.cleanup());

  describe("computeLive", () => {
    it("counts admissions and who is inside through each device's contiguous prefix only", async () => {
      const live = await computeLive(db, EVENT, T0 + 1e6);
      expect(live.passesIssued).toBe(5);
      expect(live.passesRevoked).toBe(1);
      // p1 (twice, counted once), p2, p3 — p4 waits behind dB's gap
      expect(live.admitted).toBe(3);
      // p2 went out again
      expect(live.insideNow).toBe(2);
      expect(live.capacity).toBe(100);
      expect(live.denies).toBe(1);
      expect(live.byTier).toEqual([
        { tier: "GA", issued: 4, admitted: 2, inside: 1 },
        { tier: "VIP", issued: 1, admitted: 1, inside: 1 },
      ]);
    });

    it("buckets first arrivals per 5 minutes on clock-corrected time", async () => {
      const live = await computeLive(db, EVENT);
      // p1 and p2 at 1–2 min; p3 scanned at "T0" on a clock 10 minutes slow → the 10-minute bucket
      expect(live.arrivals).toEqual([
        { start: T0, count: 2 },
        { start: T0 + 600_000, count: 1 },
      ]);
    });

    it("reports per-device activity and sales without voided entries", async () => {
      const live = await computeLive(db, EVENT);
      const byId = Object.fromEntries(live.devices.map((d) => [d.id, d]));
      expect(byId.dA).toMatchObject({ admits: 2, exits: 1, denies: 1, lastEntryAt: T0 + 410_000 });
      expect(byId.dB).toMatchObject({ admits: 2 });
      expect(byId.dV).toMatchObject({ sales: 1 });
      expect(live.sales.count).toBe(1);
      expect(live.sales.totalCents).toBe(3000);
      expect(live.sales.byMethod).toEqual({ cash: { count: 1, totalCents: 3000 } });
      // p1 entitles {kit: 1, tote: 1}: two kits handed over redeem one; the second is beyond it
      expect(live.pickups).toEqual({ entries: 2, items: 3, redeemed: 2, entitled: 2 });
      expect(live.sales.items).toEqual([{ sku: "TOTE", name: "Tote bag", quantity: 2, totalCents: 3000, stock: 10 }]);
    });
  });
});
