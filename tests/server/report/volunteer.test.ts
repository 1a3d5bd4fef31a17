/** The report's volunteer sections and their CSV rows, driven through the API like a real event. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { money } from "../../../src/server/report/volunteerCsv.js";
import { TestApi, type TestDevice } from "../support/api.js";
import { openTestStore, STORE_KINDS, type TestStore } from "../support/stores.js";

type Line = [sku: string, quantity: number, unitCents: number];
const sale = (d: TestDevice, lines: Line[], method: "cash" | "card" | "comp", shift = "shift-1", extra: Record<string, unknown> = {}) =>
  d.entry({
    type: "sale",
    passId: undefined,
    data: { lines: lines.map(([sku, quantity, unitCents]) => ({ sku, quantity, unitCents })), method, totalCents: method === "comp" ? 0 : lines.reduce((t, [, q, c]) => t + q * c, 0), shift, ...extra },
  } as never);
const pickup = (d: TestDevice, passId: string, items: Record<string, number>) => d.entry({ type: "pickup", passId, data: { items } } as never);
const voidOf = (d: TestDevice, target: string, reason: string, shift?: string) =>
  d.entry({ type: "void", passId: undefined, data: { voids: target, reason, ...(shift ? { shift } : {}) } } as never);
const count = (d: TestDevice, shift: string, countedCents: number, expectedCents?: number) =>
  d.entry({ type: "cash_count", passId: undefined, data: { shift, countedCents, ...(expectedCents !== undefined ? { expectedCents } : {}) } } as never);

// On both stores: the report reads jsonb entitlements and the item columns, which the two drivers type differently.
describe.each(STORE_KINDS)("report: sales, stock, pickups, cash and voids on %s", (kind) => {
  let store: TestStore;
  let api: TestApi;
  beforeAll(async () => {
    store = await openTestStore(kind);
    api = new TestApi(store.storage);
  });
  afterAll(async () => store?.cleanup());

  it("reports sales per item and method, oversold items, duplicate pickups, cash differences and voids; held entries do not count", async () => {
    const ev = await api.createEvent();
    for (const item of [
      { sku: "tee", name: "T-shirt", priceCents: 2000, stock: 3 },
      { sku: "tote", name: "Tote", priceCents: 800, stock: 10 },
    ]) {
      expect((await api.call("POST", `/api/v1/events/${ev.id}/items`, { body: item })).status).toBe(201);
    }
    const [ann, bob] = (await api.call("POST", `/api/v1/events/${ev.id}/passes`, {
      body: { passes: [{ holder: "Ann", tier: "Runner", entitlements: { kit: 1, tote: 1 } }, { holder: "Bob", tier: "Runner", entitlements: { kit: 1 } }] },
    })).body.passes;
    const a = await api.enroll(ev.id, "volunteer", "Table A");
    const b = await api.enroll(ev.id, "volunteer", "Table B");

    const a1 = sale(a, [["tee", 2, 2000]], "cash"); // 4000 cash
    const a2 = sale(a, [["tote", 1, 800]], "cash"); // voided below: paid back
    const a3 = sale(a, [["tote", 2, 800]], "card");
    const a4 = voidOf(a, a2.id, "customer changed mind", "shift-1");
    const a5 = pickup(a, ann.id, { kit: 1 });
    const a6 = count(a, "shift-1", 3500, 4000); // short by 5.00
    const a7 = sale(a, [["tee", 1, 2000]], "comp", "shift-2");
    expect((await a.push([a1, a2, a3, a4, a5, a6, a7])).status).toBe(200);

    const b1 = sale(b, [["tee", 2, 2000]], "cash"); // tee: 2 + 2 + 1 comp = 5 sold of 3
    const b2 = pickup(b, ann.id, { kit: 1, tote: 1 }); // kit again: a duplicate across devices
    const b3 = pickup(b, bob.id, { kit: 1 });
    const b4 = count(b, "shift-1", 4000, 4000);
    expect((await b.push([b1, b2, b3, b4])).status).toBe(200);
    // seq 6 never arrives: B's seq 7 (a void of its sale) waits behind the gap and must not count
    b.entry({ seq: 5 });
    const held = voidOf(b, b1.id, "held behind a gap");
    expect(held.seq).toBe(6);
    const heldVoid = { ...held, seq: 7, id: `${b.id}-7` };
    expect((await b.push([heldVoid])).status).toBe(200);

    const r = await api.call("GET", `/api/v1/events/${ev.id}/report`);
    expect(r.status).toBe(200);
    const report = r.body;

    expect(report.sales.byMethod).toEqual({ cash: { count: 2, totalCents: 8000 }, card: { count: 1, totalCents: 1600 }, comp: { count: 1, totalCents: 0 } });
    expect(report.sales).toMatchObject({ count: 4, totalCents: 9600, voidedCount: 1 });
    expect(report.sales.byItem).toEqual([
      { sku: "tee", name: "T-shirt", quantity: 5, totalCents: 8000, byMethod: { cash: 4, card: 0, comp: 1 } },
      { sku: "tote", name: "Tote", quantity: 2, totalCents: 1600, byMethod: { cash: 0, card: 2, comp: 0 } },
    ]);

    expect(report.oversold).toHaveLength(1);
    const tee = report.oversold[0];
    expect(tee).toMatchObject({ sku: "tee", stock: 3, sold: 5, oversoldBy: 2 });
    expect(tee.devices).toEqual(
      expect.arrayContaining([
        { deviceId: a.id, deviceLabel: "Table A", quantity: 3 },
        { deviceId: b.id, deviceLabel: "Table B", quantity: 2 },
      ]),
    );
    expect(tee.sales.filter((s: any) => s.pastStock)).not.toHaveLength(0);

    expect(report.duplicatePickups).toEqual([
      expect.objectContaining({ passId: ann.id, holder: "Ann", entitlement: "kit", entitled: 1, taken: 2, over: 1, acrossDevices: true }),
    ]);
    const dup = report.duplicatePickups[0];
    expect(dup.pickups.map((p: any) => [p.deviceLabel, p.entryId, p.duplicate])).toEqual([
      // B's pickup happened first (device times 1 s apart per seq): A's is the one past the entitlement
      ["Table B", b2.id, false],
      ["Table A", a5.id, true],
    ]);
    expect(dup.pickups[1].correctedAt).toBeTypeOf("number");

    const cash = new Map(report.cash.map((c: any) => [`${c.deviceLabel}/${c.shift}`, c]));
    expect(cash.get("Table A/shift-1")).toMatchObject({
      cashSales: 2,
      cashSalesCents: 4800,
      refundsCents: 800,
      expectedCents: 4000,
      deviceExpectedCents: 4000,
      countedCents: 3500,
      differenceCents: -500,
      status: "short",
      countEntryId: a6.id,
      complete: true,
    });
    expect(cash.get("Table B/shift-1")).toMatchObject({ expectedCents: 4000, countedCents: 4000, differenceCents: 0, status: "balanced", complete: false });
    expect(cash.has("Table A/shift-2")).toBe(false); // a comp takes no cash

    expect(report.voids).toEqual([
      expect.objectContaining({ entryId: a4.id, deviceLabel: "Table A", reason: "customer changed mind", voids: a2.id, repeated: false, target: expect.objectContaining({ type: "sale", totalCents: 800, method: "cash" }) }),
    ]);

    const csv = await api.call("GET", `/api/v1/events/${ev.id}/report.csv`);
    expect(csv.status).toBe(200);
    const text = csv.body as string;
    expect(text).toContain("sold past stock");
    expect(text).toContain("oversold by 2");
    expect(text).toContain("picked up again");
    expect(text).toMatch(/shift-1: expected 40\.00 .*counted 35\.00: short by 5\.00/);
    expect(text).toContain("customer changed mind");
    expect(text).toContain("method cash");
  });

  it("a void arriving from another device cancels the sale and its stock; money is formatted with two decimals", async () => {
    const ev = await api.createEvent();
    await api.call("POST", `/api/v1/events/${ev.id}/items`, { body: { sku: "cap", name: "Cap", priceCents: 1500, stock: 1 } });
    const a = await api.enroll(ev.id, "volunteer", "A");
    const b = await api.enroll(ev.id, "volunteer", "B");
    const s1 = sale(a, [["cap", 1, 1500]], "cash");
    const s2 = sale(b, [["cap", 1, 1500]], "cash");
    await a.push([s1]);
    await b.push([s2, voidOf(b, s1.id, "refunded at the other table", "shift-1")]);
    const report = (await api.call("GET", `/api/v1/events/${ev.id}/report`)).body;
    expect(report.oversold).toEqual([]);
    const cash = new Map(report.cash.map((c: any) => [c.deviceLabel, c]));
    // the refund left B's drawer, not A's
    expect(cash.get("A")).toMatchObject({ expectedCents: 1500, status: "not_counted" });
    expect(cash.get("B")).toMatchObject({ cashSalesCents: 1500, refundsCents: 1500, expectedCents: 0 });
    expect([money(0), money(5), money(-1234), money(100000)]).toEqual(["0.00", "0.05", "-12.34", "1000.00"]);
  });
});
