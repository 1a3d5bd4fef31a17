/**
 * Issue 5's promise, end to end, on the real server and the built PWA: a door phone enrolls with
 * one link, loses the network, scans real passes through the camera with the right verdict each
 * time, survives a reload and a killed browser without losing a scan, and everything reaches the
 * server exactly once when the network is back — where a second door then sees it.
 */
import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { firstPage, launchDevice, newProfileDir, waitForServiceWorker } from "./support/browser.js";
import { forge } from "./support/passes.js";
import { csvRecords } from "../src/sync/csv.js";
import { HostApi } from "./support/server.js";
import { codesVideo, writeY4m } from "./support/y4m.js";

const api = new HostApi();
const tmp = (name: string): string => join(tmpdir(), `doorlist-e2e-${process.pid}-${name}`);

async function pendingCount(page: Page): Promise<number> {
  const text = (await page.getByTestId("pending-count").textContent()) ?? "";
  const n = Number(text.trim());
  if (!Number.isInteger(n)) throw new Error(`pending count is not a number: ${text}`);
  return n;
}

/** A verdict in the recent-scans list: survives the overlay clearing itself after 1.5 s. */
function recent(page: Page, verdict: string, holder?: string) {
  const item = page.locator(`[data-testid="recent-scan"][data-verdict="${verdict}"]`);
  return holder ? item.filter({ hasText: holder }) : item;
}

async function enroll(page: Page, path: string, label: string): Promise<void> {
  await page.goto(path);
  const name = page.getByLabel("Name for this device");
  await expect(name).toHaveValue("Door 1");
  await name.fill(label);
  await page.getByRole("button", { name: "Enroll this device" }).click();
  // The first roster sync shows its progress, then the door screen opens.
  await expect(page.getByTestId("sync-status")).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId("last-sync")).not.toHaveText("never");
  await expect(page.getByTestId("pending-count")).toHaveText("0");
}

test("a door enrolls, scans offline, survives reload and a killed browser, and syncs once", async () => {
  test.setTimeout(240_000);
  const event = await api.createEvent({ name: "Door e2e", capacity: 100 });
  const [ada, grace, alan, mary] = await api.issuePasses(event.id, [
    { holder: "Ada Lovelace", tier: "general" },
    { holder: "Grace Hopper", tier: "general" },
    { holder: "Alan Turing", tier: "vip" },
    { holder: "Mary Jackson", tier: "general" },
  ]);
  if (!ada || !grace || !alan || !mary) throw new Error("the server issued fewer passes than asked");
  // Revoked before the device's first (and only) sync: the door must know it offline.
  await api.revoke(event.id, grace.id, "refunded");

  const blank = tmp("blank.y4m");
  writeY4m(blank, [{ text: null, frames: 5 }], 5);
  const doorVideo = tmp("door.y4m");
  // Ada comes round again every loop (> 3 s jitter window), so the second sighting is ALREADY IN.
  codesVideo(doorVideo, [ada.code, forge(mary.code), grace.code, alan.code], { fps: 5, showSeconds: 1, gapSeconds: 1.5 });
  const profile1 = newProfileDir();
  const profile2 = newProfileDir();
  // Every browser this test opens, so a failure still closes them before their folders go.
  const open: BrowserContext[] = [];
  const launch = async (opts: Parameters<typeof launchDevice>[0]): Promise<BrowserContext> => {
    const ctx = await launchDevice(opts);
    open.push(ctx);
    return ctx;
  };

  try {
    await test.step("enroll Door 1 online, load the roster, admit only general tickets", async () => {
      const link = await api.enrollment(event.id, "door");
      const ctx = await launch({ video: blank, profileDir: profile1 });
      const page = await firstPage(ctx);
      await enroll(page, link.path, "Door 1");
      await waitForServiceWorker(page);
      await page.getByRole("button", { name: "Settings" }).click();
      await page.getByLabel("Every ticket type").uncheck();
      await page.getByLabel("vip").uncheck();
      await expect(page.getByLabel("general")).toBeChecked();
      await page.getByRole("button", { name: "Save check-in list" }).click();
      await expect(page.getByText("Saved. The next scan uses this list.")).toBeVisible();
      await ctx.close();
    });

    let pendingBeforeKill = 0;
    await test.step("offline: the app opens from the service worker and the camera's verdicts are right", async () => {
      const ctx = await launch({ video: doorVideo, profileDir: profile1, offline: true });
      const page = await firstPage(ctx);
      await page.goto("/");
      await expect(page.getByTestId("online-state")).toHaveText("Offline");
      // The overlay clears itself after 1.5 s (door-manual.spec.ts checks it); the recent list stays.
      await expect(recent(page, "ADMIT", "Ada Lovelace")).toHaveCount(1, { timeout: 15_000 });
      await expect(recent(page, "FORGED")).not.toHaveCount(0, { timeout: 15_000 });
      await expect(recent(page, "REVOKED", "Grace Hopper")).not.toHaveCount(0, { timeout: 15_000 });
      await expect(recent(page, "NOT_AT_THIS_DOOR", "Alan Turing")).not.toHaveCount(0, { timeout: 15_000 });
      // One loop later Ada is back, long after the jitter window: already in, saying where.
      const again = recent(page, "ALREADY_IN", "Ada Lovelace").first();
      await expect(again).toBeVisible({ timeout: 20_000 });
      await expect(again).toContainText(/Admitted at \d\d:\d\d at Door 1/);
      await expect(recent(page, "ADMIT", "Ada Lovelace")).toHaveCount(1);

      await test.step("reload while offline: the app opens and still scans", async () => {
        await page.reload();
        await expect(page.getByTestId("online-state")).toHaveText("Offline");
        await expect(page.locator('[data-testid="recent-scan"]').first()).toBeVisible({ timeout: 15_000 });
      });
      pendingBeforeKill = await pendingCount(page);
      expect(pendingBeforeKill).toBeGreaterThanOrEqual(6);
      await ctx.close();
    });

    let pendingAfterReopen = 0;
    await test.step("the browser was closed with entries pending: reopened, every one is still pending", async () => {
      const ctx = await launch({ video: blank, profileDir: profile1, offline: true });
      const page = await firstPage(ctx);
      await page.goto("/");
      await expect(page.getByTestId("pending-count")).not.toHaveText("…");
      pendingAfterReopen = await pendingCount(page);
      // The camera kept scanning while the count was read, so there may be more, never fewer.
      expect(pendingAfterReopen).toBeGreaterThanOrEqual(pendingBeforeKill);

      await test.step("back online: pushed, nothing doubled", async () => {
        await ctx.setOffline(false);
        await expect(page.getByTestId("online-state")).toHaveText("Online");
        await page.getByRole("button", { name: "Sync" }).click();
        await expect(page.getByTestId("pending-count")).toHaveText("0", { timeout: 20_000 });
        // A second sync must not send anything twice.
        await page.getByRole("button", { name: "Sync" }).click();
        await expect(page.getByRole("button", { name: "Sync" })).toBeEnabled({ timeout: 20_000 });
        // The host's export (columns as src/server/report/csv.ts writes them): Door 1's whole log.
        const rows = csvRecords(await api.entriesCsv(event.id)).filter((r) => r.device_label === "Door 1");
        const ids = rows.map((r) => r.entry_id);
        expect(new Set(ids).size).toBe(ids.length);
        expect(rows).toHaveLength(pendingAfterReopen);
        const adaAdmits = rows.filter((r) => r.type === "admit" && r.pass_id === ada.id);
        expect(adaAdmits).toHaveLength(1);
        expect(rows.filter((r) => r.verdict === "FORGED").length).toBeGreaterThan(0);
        expect(rows.filter((r) => r.verdict === "REVOKED" && r.pass_id === grace.id).length).toBeGreaterThan(0);
        const seqs = rows.map((r) => Number(r.seq)).sort((a, b) => a - b);
        expect(seqs).toEqual(Array.from({ length: rows.length }, (_, i) => i + 1));
      });
      await ctx.close();
    });

    await test.step("a second door that syncs afterwards says Ada is already in, where and when", async () => {
      const link = await api.enrollment(event.id, "door");
      const video = tmp("door2.y4m");
      // A long blank lead: the code appears only after enrollment's sync has finished.
      codesVideo(video, [ada.code], { fps: 5, showSeconds: 1, gapSeconds: 6 });
      const ctx = await launch({ video, profileDir: profile2 });
      const page = await firstPage(ctx);
      await enroll(page, link.path, "Door 2");
      const seen = recent(page, "ALREADY_IN", "Ada Lovelace").first();
      await expect(seen).toBeVisible({ timeout: 20_000 });
      await expect(seen).toContainText(/Admitted at \d\d:\d\d at Door 1/);
      await expect(recent(page, "ADMIT")).toHaveCount(0);
      await ctx.close();
    });
  } finally {
    for (const ctx of open) await ctx.close().catch(() => undefined);
    for (const dir of [profile1, profile2]) rmSync(dir, { recursive: true, force: true });
    for (const f of ["blank.y4m", "door.y4m", "door2.y4m"]) rmSync(tmp(f), { force: true });
  }
});
