import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseCsv } from "../../src/sync/csv.js";
import { createApp } from "../../src/server/app.js";
import { hashSecret } from "../../src/server/domain/secrets.js";
import { openTestStore, STORE_KINDS, type TestStore } from "./support/stores.js";
import type { LiveView, PassListResponse } from "../../src/sync/host.js";

const HOST = "host-token-for-host-console-tests";
let store: TestStore;
let app: ReturnType<typeof createApp>;

async function call(method: string, path: string, body?: unknown, token = HOST) {
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  if (body !== undefined) headers["content-type"] = "application/json";
  const res = await app.request(`http://localhost/api/v1${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  const type = res.headers.get("content-type") ?? "";
  return { status: res.status, json: type.includes("json") ? (JSON.parse(text) as Record<string, unknown>) : null, text };
}

let eventId = "";
let passes: { id: string; code: string; holder: string; tier: string }[] = [];
let deviceToken = "";
let deviceId = "";

describe.each(STORE_KINDS)("host console routes on %s", (kind) => {
  beforeAll(async () => {
    store = await openTestStore(kind);
    app = createApp({ storage: store.storage, hostTokenHash: hashSecret(HOST) });
    const ev = await call("POST", "/events", { name: "Console test", startsAt: Date.now() - 3_600_000, endsAt: Date.now() + 3_600_000, capacity: 50 });
    eventId = (ev.json as { id: string }).id;
  });
  afterAll(async () => store.cleanup());

  describe("endpoints", () => {
    it("saves and reads tiers with entitlements, refusing a tier too long for a pass", async () => {
      expect((await call("GET", `/events/${eventId}/tiers`)).json).toEqual({ tiers: [] });
      const tiers = [{ name: "VIP", entitlements: { kit: 1, tote: 1 } }, { name: "GA", entitlements: {} }];
      expect((await call("PUT", `/events/${eventId}/tiers`, { tiers })).status).toBe(200);
      expect((await call("GET", `/events/${eventId}/tiers`)).json).toEqual({ tiers });
      const bad = await call("PUT", `/events/${eventId}/tiers`, { tiers: [{ name: "THIRTEENBYTES", entitlements: {} }] });
      expect(bad.status).toBe(400);
      expect((bad.json as { error: { code: string } }).error.code).toBe("INVALID_BODY");
    });

    it("edits an event's name and capacity, and refuses an end before the start", async () => {
      const edited = await call("PATCH", `/events/${eventId}`, { name: "Console test (moved)", capacity: 60 });
      expect(edited.status).toBe(200);
      expect(edited.json).toMatchObject({ id: eventId, name: "Console test (moved)", capacity: 60 });
      expect((await call("GET", `/events/${eventId}`)).json).toMatchObject({ name: "Console test (moved)", capacity: 60 });
      const bad = await call("PATCH", `/events/${eventId}`, { endsAt: 1000 });
      expect(bad.status).toBe(400);
      expect((await call("PATCH", `/events/${eventId}`, {})).status).toBe(400);
    });

    it("tells the console how phones on the network reach the server", async () => {
      const res = await call("GET", "/host/network");
      expect(res.status).toBe(200);
      const info = res.json as { publicUrl: string | null; secure: boolean; origins: string[] };
      expect(info.publicUrl).toBeNull();
      expect(info.secure).toBe(false);
      for (const o of info.origins) expect(o).toMatch(/^http:\/\/[\d.]+$/);
      expect((await call("GET", "/host/network", undefined, "nobody")).status).toBe(401);
    });

    it("is for the host only", async () => {
      expect((await call("GET", `/events/${eventId}/live`, undefined, "nobody")).status).toBe(401);
      expect((await call("GET", `/events/ffffffff/live`)).status).toBe(404);
    });

    it("lists passes a page at a time, with search", async () => {
      const issued = await call("POST", `/events/${eventId}/passes`, {
        passes: [
          { holder: "Ada Lovelace", tier: "VIP", entitlements: { kit: 1, tote: 1 } },
          { holder: "=HYPERLINK(\"http://evil\")", tier: "GA" },
          { holder: "Grace Hopper", tier: "GA" },
        ],
      });
      expect(issued.status).toBe(201);
      passes = (issued.json as { passes: typeof passes }).passes;
      const all = (await call("GET", `/events/${eventId}/passes?limit=2`)).json as unknown as PassListResponse;
      expect(all.total).toBe(3);
      expect(all.passes).toHaveLength(2);
      const found = (await call("GET", `/events/${eventId}/passes?q=grace`)).json as unknown as PassListResponse;
      expect(found.passes.map((p) => p.holder)).toEqual(["Grace Hopper"]);
      expect(found.passes[0]!.code).toMatch(/^DL:/);
      expect(found.passes[0]!.admittedAt).toBeNull();
      const items = await call("POST", `/events/${eventId}/items`, { sku: "TOTE", name: "Tote", priceCents: 1500, stock: 20 });
      expect(items.status).toBe(201);
      expect((await call("GET", `/events/${eventId}/items`)).json).toEqual({ items: [{ sku: "TOTE", name: "Tote", priceCents: 1500, stock: 20 }] });
    });

    it("shows a device's admissions in the live view, the pass list and the drill-down once pushed", async () => {
      const enr = await call("POST", `/events/${eventId}/enrollments`, { role: "door", label: "Front" });
      const code = (enr.json as { code: string }).code;
      const dev = (await call("POST", "/enroll", { code, label: "Front door" }, "")).json as { token: string; deviceId: string };
      deviceToken = dev.token;
      deviceId = dev.deviceId;
      const now = Date.now();
      const entries = [
        { id: `${deviceId}-1`, deviceId, seq: 1, type: "admit", at: now - 60_000, passId: passes[0]!.id, data: { verdict: "ADMIT" } },
        { id: `${deviceId}-2`, deviceId, seq: 2, type: "admit", at: now - 30_000, passId: passes[1]!.id, data: { verdict: "ADMIT" } },
        { id: `${deviceId}-3`, deviceId, seq: 3, type: "admit", at: now - 20_000, passId: passes[1]!.id, data: { verdict: "ALREADY_IN", override: "ALREADY_IN" } },
      ];
      const push = await call("POST", "/sync/push", { entries }, deviceToken);
      expect(push.status).toBe(200);

      const live = (await call("GET", `/events/${eventId}/live`)).json as unknown as LiveView;
      expect(live.admitted).toBe(2);
      expect(live.insideNow).toBe(2);
      expect(live.byTier.find((t) => t.tier === "VIP")).toEqual({ tier: "VIP", issued: 1, admitted: 1, inside: 1 });
      expect(live.devices.find((d) => d.id === deviceId)).toMatchObject({ label: "Front door", admits: 3 });
      expect(live.arrivals.reduce((s, a) => s + a.count, 0)).toBe(2);
      expect(live.pickups.entitled).toBe(2);

      const list = (await call("GET", `/events/${eventId}/passes?q=ada`)).json as unknown as PassListResponse;
      expect(list.passes[0]!.admittedAt).toBe(now - 60_000);

      const drill = (await call("GET", `/events/${eventId}/entries?passId=${passes[1]!.id}`)).json as { entries: { entry: { seq: number } }[] };
      expect(drill.entries.map((e) => e.entry.seq)).toEqual([2, 3]);
    });

    it("exports the report as CSV with formula-looking names defused", async () => {
      const res = await call("GET", `/events/${eventId}/report.csv`);
      expect(res.status).toBe(200);
      const rows = parseCsv(res.text).rows;
      expect(rows[0]).toEqual(["section", "finding", "pass_id", "holder", "device_id", "device_label", "entry_id", "seq", "corrected_time", "detail"]);
      const dup = rows.filter((r) => r[0] === "duplicate admissions");
      expect(dup.map((r) => r[1])).toEqual(["first admission", "admitted again (staff override)"]);
      // the holder cell starts with a quote, so a spreadsheet shows it as text instead of running it
      expect(dup[0]![3]).toBe("'=HYPERLINK(\"http://evil\")");
      expect(dup[0]![4]).toBe(deviceId);
    });
  });
});
