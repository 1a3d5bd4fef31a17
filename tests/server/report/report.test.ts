/** The host's reconciliation and the CSV export, driven through the API like a real event. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { csvCell, parseCsv } from "../../../src/sync/csv.js";
import { TestApi, type TestDevice } from "../support/api.js";
import { openTestStore, type TestStore } from "../support/stores.js";

describe("report and CSV", () => {
  let store: TestStore;
  let api: TestApi;
  beforeAll(async () => {
    store = await openTestStore("pglite");
    api = new TestApi(store.storage);
  });
  afterAll(async () => store?.cleanup());

  it("finds duplicate admissions, admissions after revocation, gaps, silent devices and clock offsets", async () => {
    const ev = await api.createEvent();
    const [p1, p2, p3, p4] = (await api.call("POST", `/api/v1/events/${ev.id}/passes`, {
      body: { passes: ["Ada", "Bo", "Cy", "Di"].map((holder) => ({ holder, tier: "GA" })) },
    })).body.passes;
    const now = Date.now();
    const north = await api.enroll(ev.id, "door", "North");
    const south = await api.enroll(ev.id, "door", "South");
    const silent = await api.enroll(ev.id, "door", "Never synced");
    // North's clock is right; South's runs 10 minutes slow.
    const t = (minutesAgo: number) => now - minutesAgo * 60_000;
    const northClock = { "x-doorlist-device-time": String(Date.now()) };
    const southClock = { "x-doorlist-device-time": String(Date.now() - 600_000) };
    await north.push(
      [
        north.entry({ passId: p1.id, at: t(50), data: { verdict: "ADMIT" } }), // p1 in
        north.entry({ passId: p2.id, at: t(45) }), // p2 in
        north.entry({ type: "exit", passId: p2.id, at: t(40) }), // p2 out
        north.entry({ type: "deny", at: t(39), data: { verdict: "FORGED", text: "=HYPERLINK(\"http://evil\")" } } as any),
        north.entry({ passId: p3.id, at: t(1) }), // p3 in, after it was revoked
      ],
      northClock,
    );
    // p1 again on South without an exit: a duplicate across devices. p2 again after its exit: fine.
    // South's clock says t(40) for what truly happened at t(30).
    await south.push(
      [
        south.entry({ passId: p1.id, at: t(40), data: { verdict: "ALREADY_IN", override: "ALREADY_IN" } }),
        south.entry({ passId: p2.id, at: t(35) }),
      ],
      southClock,
    );
    // seq 3 never arrives; 4 and 5 wait behind it
    await south.push([south.entry({ seq: 4, passId: p4.id, at: t(20) }), south.entry({ seq: 5, passId: p4.id, at: t(19) })], southClock);
    // revoked 10 minutes ago: North's t(1) admission came after it; nothing before it counts
    await store.storage.query("UPDATE passes SET revoked_at = $3, revoke_reason = 'refund' WHERE event_id = $1 AND id = $2", [ev.id, p3.id, t(10)]);
    await api.call("POST", `/api/v1/events/${ev.id}/passes/${p1.id}/revoke`, { body: { reason: "transferred" } });

    const r = await api.call("GET", `/api/v1/events/${ev.id}/report`);
    expect(r.status).toBe(200);
    const report = r.body;
    expect(report.event).toEqual(ev);
    expect(report.complete).toBe(false);
    expect(report.counts).toMatchObject({
      entries: 9,
      served: 7,
      heldBehindGaps: 2,
      byType: { admit: 7, exit: 1, deny: 1 },
      byVerdict: { ADMIT: 6, ALREADY_IN: 1, FORGED: 1 },
      passesAdmitted: 4,
    });

    expect(report.duplicateAdmissions).toHaveLength(2);
    const dupP1 = report.duplicateAdmissions.find((d: any) => d.passId === p1.id);
    expect(dupP1).toMatchObject({ holder: "Ada", acrossDevices: true });
    expect(dupP1.admissions.map((a: any) => [a.deviceLabel, a.duplicate, a.override])).toEqual([
      ["North", false, false],
      ["South", true, true],
    ]);
    const southAdmit = dupP1.admissions[1];
    expect(southAdmit.correctedAt - southAdmit.at).toBeGreaterThan(599_000);
    expect(southAdmit.correctedAt - southAdmit.at).toBeLessThan(601_000);
    // p4 twice on South (held entries count too: the host must see them)
    expect(report.duplicateAdmissions.find((d: any) => d.passId === p4.id)).toMatchObject({ acrossDevices: false });
    expect(report.duplicateAdmissions.some((d: any) => d.passId === p2.id)).toBe(false);

    expect(report.admittedAfterRevocation).toEqual([
      expect.objectContaining({ passId: p3.id, holder: "Cy", deviceLabel: "North", reason: "refund", revokedAt: t(10) }),
    ]);
    expect(report.deviceGaps).toEqual([
      { deviceId: south.id, deviceLabel: "South", ackedThroughSeq: 2, maxSeq: 5, missing: [{ from: 3, to: 3 }], heldEntries: 2, held: [{ from: 4, to: 5 }] },
    ]);
    expect(report.devicesNeverSynced).toEqual([expect.objectContaining({ deviceId: silent.id, deviceLabel: "Never synced", revoked: false })]);
    const clocks = new Map(report.clocks.map((c: any) => [c.deviceLabel, c]));
    expect((clocks.get("South") as any).clockOff).toBe(true);
    expect((clocks.get("North") as any).clockOff).toBe(false);
    expect((clocks.get("Never synced") as any).clockOffsetMs).toBeNull();
  });

  it("voids cancel an admission in the report", async () => {
    const ev = await api.createEvent();
    const d = await api.enroll(ev.id);
    const a = d.entry({ passId: "abcabcabcabc" });
    await d.push([a, d.entry({ passId: "abcabcabcabc" }), d.entry({ type: "void", passId: undefined, data: { voids: a.id, reason: "mis-scan" } } as any)]);
    const report = (await api.call("GET", `/api/v1/events/${ev.id}/report`)).body;
    expect(report.duplicateAdmissions).toEqual([]);
    expect(report.counts.voided).toBe(1);
    expect(report.complete).toBe(true);
  });

  it("exports the whole log as CSV with device labels and corrected times, safe from formula injection", async () => {
    const ev = await api.createEvent();
    const d: TestDevice = await api.enroll(ev.id, "door", "=cmd|' /C calc'!A0");
    const at = 1_790_000_100_000;
    const pushed = await d.push(
      [
        d.entry({ at, passId: "p1" }),
        d.entry({ type: "deny", at: at + 1, data: { verdict: "NOT_A_PASS", text: "+SUM(A1:A9)" } } as any),
        d.entry({ type: "deny", at: at + 2, data: { verdict: "NOT_A_PASS", text: "@x,\"quoted\"\r\nnext" } } as any),
        d.entry({ id: "-1", type: "exit", at: at + 3, passId: "\tp1" }),
      ],
      { "x-doorlist-device-time": String(Date.now() - 5000) },
    );
    expect(pushed.status).toBe(200);
    const r = await api.call("GET", `/api/v1/events/${ev.id}/entries.csv`);
    expect(r.status).toBe(200);
    expect(r.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(r.headers.get("content-disposition")).toMatch(/attachment/);
    const rows = parseCsv(r.body as string).rows;
    const [head, ...body] = rows;
    expect(head).toEqual(expect.arrayContaining(["corrected_time", "device_time", "device_id", "device_label", "seq", "entry_id", "type", "pass_id", "verdict", "data"]));
    expect(body).toHaveLength(4);
    const col = (name: string) => head!.indexOf(name);
    for (const row of body) {
      expect(row).toHaveLength(head!.length);
      for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
      expect(row[col("device_label")]).toBe("'=cmd|' /C calc'!A0");
      const offset = Number(row[col("corrected_ms")]) - Number(row[col("device_ms")]);
      expect(offset).toBeGreaterThan(4000);
      expect(offset).toBeLessThan(7000);
    }
    expect(body.map((row) => row[col("entry_id")])).toContain("'-1");
    expect(body.map((row) => row[col("pass_id")])).toContain("'\tp1");
    expect(body.some((row) => row[col("data")]!.includes('"text":"@x,\\"quoted\\"\\r\\nnext"'))).toBe(true);
  });

  it("quotes cells per RFC 4180 and neutralises formula prefixes", () => {
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell("=1+1")).toBe("'=1+1");
    expect(csvCell("+1")).toBe("'+1");
    expect(csvCell("-1")).toBe("'-1");
    expect(csvCell("@SUM(1)")).toBe("'@SUM(1)");
    expect(csvCell("\tx")).toBe("'\tx");
    expect(csvCell("\rx")).toBe("\"'\rx\"");
    expect(csvCell('a,"b"')).toBe('"a,""b"""');
    expect(csvCell(-5)).toBe("-5");
    expect(csvCell(null)).toBe("");
    expect(csvCell(true)).toBe("true");
  });
});
