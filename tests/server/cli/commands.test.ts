/** The CLI's commands in-process on PGlite: the same operations as the API, from a shell. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodePassText } from "../../../src/pass/index.js";
import { csvRecords } from "../../../src/sync/csv.js";
import { runCommand } from "../../../src/server/cli/commands.js";
import { listDevices } from "../../../src/server/domain/devices.js";
import { enroll } from "../../../src/server/domain/enrollment.js";
import { openTestStore, type TestStore } from "../support/stores.js";

describe("doorlist CLI", () => {
  let store: TestStore;
  let dir: string;
  let printed = "";
  const run = async (...argv: string[]) => {
    printed = "";
    await runCommand(argv, { storage: store.storage, origin: "https://doors.example.org", out: (t) => (printed += t) });
    return printed;
  };
  beforeAll(async () => {
    store = await openTestStore("pglite");
    dir = mkdtempSync(join(tmpdir(), "doorlist-cli-"));
  });
  afterAll(async () => {
    await store?.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  it("creates an event, imports a roster to codes, enrolls a device, revokes a pass and exports the log", async () => {
    const ev = JSON.parse(await run("create-event", "--name", "Night market", "--starts", "2026-11-28T18:00:00Z", "--ends", "1795906800000", "--capacity", "300"));
    expect(ev).toMatchObject({ id: expect.stringMatching(/^[0-9a-f]{8}$/), name: "Night market", startsAt: Date.parse("2026-11-28T18:00:00Z"), endsAt: 1795906800000, capacity: 300 });
    expect(JSON.parse(await run("list-events"))).toContainEqual(ev);

    const roster = join(dir, "roster.csv");
    writeFileSync(roster, '\ufeffHolder,Tier,validFrom,entitlements\r\n"Lovelace, Ada",VIP,2026-11-28T18:00:00Z,tote=1;drink=2\r\n=cmd(),GA,,\r\n');
    const codesFile = join(dir, "codes.csv");
    expect(await run("import-roster", ev.id, roster, "--out", codesFile)).toMatch(/Issued 2 passes/);
    const codes = csvRecords(readFileSync(codesFile, "utf8"));
    expect(codes.map((c) => [c.holder, c.tier])).toEqual([["Lovelace, Ada", "VIP"], ["'=cmd()", "GA"]]);
    const decoded = decodePassText(codes[0]!.code);
    expect(decoded).toMatchObject({ ok: true, pass: { eventId: ev.id, passId: codes[0]!.id, tier: "VIP", validFrom: Date.parse("2026-11-28T18:00:00Z") } });

    const bulk = csvRecords(await run("issue-passes", ev.id, "--tier", "GA", "--count", "25", "--holder", "Walk-in"));
    expect(bulk).toHaveLength(25);
    expect(bulk[0]!.holder).toBe("Walk-in 01");

    const enrollment = JSON.parse(await run("enroll", ev.id, "--role", "door", "--label", "North"));
    expect(enrollment.url).toBe(`https://doors.example.org/enroll?code=${enrollment.code}`);
    const device = await enroll(store.storage, enrollment.code, undefined);
    expect(device).toMatchObject({ eventId: ev.id, role: "door" });
    expect((await listDevices(store.storage, ev.id))[0]!.label).toBe("North");

    expect(JSON.parse(await run("revoke-pass", ev.id, codes[1]!.id!, "--reason", "refund"))).toMatchObject({ id: codes[1]!.id, revoked: true, reason: "refund" });
    const report = JSON.parse(await run("report", ev.id));
    expect(report.event).toEqual(ev);
    expect(await run("export-log", ev.id)).toMatch(/^corrected_time,/);
  });

  it("issues nothing when one roster line is bad, and says which line", async () => {
    const ev = JSON.parse(await run("create-event", "--name", "E", "--starts", "1790000000000", "--ends", "1790000360000"));
    const roster = join(dir, "bad.csv");
    writeFileSync(roster, "holder,tier\nAda,GA\nBo,THIRTEEN-BYTE\n");
    await expect(run("import-roster", ev.id, roster)).rejects.toThrow(/line 3 .*tier/);
    const report = JSON.parse(await run("report", ev.id));
    expect(report.counts.entries).toBe(0);
    expect((await store.storage.query("SELECT count(*)::int AS n FROM passes WHERE event_id = $1", [ev.id]))[0]).toEqual({ n: 0 });
  });

  it("explains unknown commands, events and bad options", async () => {
    await expect(run("frobnicate")).rejects.toThrow(/no command "frobnicate"/);
    await expect(run("export-log", "00000000")).rejects.toThrow(/no event/);
    await expect(run("create-event", "--name", "x", "--starts", "soon", "--ends", "1")).rejects.toThrow(/--starts/);
    const ev = JSON.parse(await run("create-event", "--name", "E", "--starts", "1790000000000", "--ends", "1790000360000"));
    await expect(run("enroll", ev.id, "--role", "bouncer")).rejects.toThrow(/--role/);
    await expect(run("issue-passes", ev.id, "--count", "3")).rejects.toThrow(/tier/);
  });
});
