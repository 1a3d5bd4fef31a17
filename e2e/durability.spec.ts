/**
 * Issue 8's durability promises in the real browser. A phone's browser can be killed at any
 * moment (the OS reclaims memory, the battery dies): every entry written before the verdict
 * showed must still be pending when it opens again. And a sync against a server that is down
 * loses nothing; when the server is back, everything arrives once.
 */
import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort, ServerProcess } from "../tests/support/server-process.js";
import { firstPage, launchDevice, newProfileDir, waitForServiceWorker } from "./support/browser.js";
import { csvRecords } from "../src/sync/csv.js";
import { HostApi, type IssuedPass } from "./support/server.js";
import { writeY4m } from "./support/y4m.js";

const blank = join(tmpdir(), `doorlist-e2e-${process.pid}-durability-blank.y4m`);
test.beforeAll(() => writeY4m(blank, [{ text: null, frames: 5 }], 5));
test.afterAll(() => rmSync(blank, { force: true }));

async function enroll(page: Page, path: string, label: string): Promise<void> {
  await page.goto(path);
  await page.getByLabel("Name for this device").fill(label);
  await page.getByRole("button", { name: "Enroll this device" }).click();
  await expect(page.getByTestId("last-sync")).not.toHaveText("never", { timeout: 30_000 });
  await waitForServiceWorker(page);
}

/** Types each code as door staff would; each verdict is on screen (so its entry is committed) before the next. */
async function typeCodes(page: Page, passes: IssuedPass[]): Promise<void> {
  for (const p of passes) {
    await page.getByLabel("Type a code").fill(p.code);
    await page.getByRole("button", { name: "Check" }).click();
    const verdict = page.getByTestId("verdict");
    await expect(verdict).toHaveAttribute("data-verdict", "ADMIT");
    await expect(verdict).toContainText(p.holder);
    await verdict.click();
    await expect(verdict).toBeHidden();
  }
}

/**
 * SIGKILL every process of this profile's Chromium: no unload handler, no clean shutdown.
 * Found through /proc rather than pgrep, which not every fresh machine has.
 */
function killBrowser(profileDir: string): void {
  const flag = `--user-data-dir=${profileDir}`;
  const pids = readdirSync("/proc").filter((d) => {
    if (!/^\d+$/.test(d)) return false;
    try {
      return readFileSync(`/proc/${d}/cmdline`, "utf8").split("\0").includes(flag);
    } catch {
      return false; // exited while we looked
    }
  });
  expect(pids.length).toBeGreaterThan(0);
  for (const pid of pids) {
    try {
      process.kill(Number(pid), "SIGKILL");
    } catch {
      // already gone with its parent
    }
  }
}

async function deviceRows(api: HostApi, eventId: string, label: string) {
  const rows = csvRecords(await api.entriesCsv(eventId)).filter((r) => r.device_label === label);
  return { rows, uniqueIds: new Set(rows.map((r) => r.entry_id)).size };
}

test("a browser killed without warning keeps every pending entry, and they arrive once", async () => {
  test.setTimeout(180_000);
  const api = new HostApi();
  const event = await api.createEvent({ name: "Killed browser" });
  const passes = await api.issuePasses(event.id, ["Ada", "Grace", "Alan", "Katherine", "Mary"].map((holder) => ({ holder, tier: "general" })));
  const link = await api.enrollment(event.id, "door");
  const profile = newProfileDir();
  const contexts: BrowserContext[] = [];
  try {
    const first = await launchDevice({ video: blank, profileDir: profile });
    contexts.push(first);
    const page = await firstPage(first);
    await enroll(page, link.path, "Killed door");
    await first.setOffline(true);
    await typeCodes(page, passes);
    await expect(page.getByTestId("pending-count")).toHaveText("5");

    killBrowser(profile);
    await first.close().catch(() => undefined); // Playwright's handle of a dead browser

    const second = await launchDevice({ video: blank, profileDir: profile, offline: true });
    contexts.push(second);
    const again = await firstPage(second);
    await again.goto("/");
    await expect(again.getByTestId("pending-count")).toHaveText("5", { timeout: 15_000 });

    await second.setOffline(false);
    await again.getByRole("button", { name: "Sync" }).click();
    await expect(again.getByTestId("pending-count")).toHaveText("0", { timeout: 30_000 });
    const { rows, uniqueIds } = await deviceRows(api, event.id, "Killed door");
    expect(rows).toHaveLength(5);
    expect(uniqueIds).toBe(5);
    expect(rows.map((r) => r.pass_id).sort()).toEqual(passes.map((p) => p.id).sort());
  } finally {
    for (const c of contexts) await c.close().catch(() => undefined);
    rmSync(profile, { recursive: true, force: true });
  }
});

test("a sync while the server is down keeps everything; once it is back, nothing pending, nothing doubled", async () => {
  test.setTimeout(240_000);
  const root = new URL("../", import.meta.url).pathname;
  const hostToken = "durability-host-token-0123456789";
  const dataDir = mkdtempSync(join(tmpdir(), "doorlist-e2e-durability-"));
  const port = await freePort();
  const server = new ServerProcess({ port, env: { HOST_TOKEN: hostToken, DATA_DIR: dataDir, STATIC_DIR: join(root, "dist") } });
  await server.start();
  const baseURL = `http://localhost:${port}`;
  const api = new HostApi(baseURL, hostToken);
  const profile = newProfileDir();
  let ctx: BrowserContext | undefined;
  try {
    const event = await api.createEvent({ name: "Server outage" });
    const passes = await api.issuePasses(event.id, ["Ada", "Grace", "Alan", "Katherine"].map((holder) => ({ holder, tier: "general" })));
    const link = await api.enrollment(event.id, "door");
    ctx = await launchDevice({ video: blank, profileDir: profile, baseURL });
    const page = await firstPage(ctx);
    await test.step("enroll while the server is up", () => enroll(page, link.path, "Outage door"));
    await test.step("kill the server", () => server.kill());
    await typeCodes(page, passes);
    await expect(page.getByTestId("pending-count")).toHaveText("4");
    // The device believes it is online; the server is simply not there.
    await page.getByRole("button", { name: "Sync" }).click();
    await expect(page.getByRole("button", { name: "Sync" })).toBeEnabled({ timeout: 40_000 });
    await expect(page.getByTestId("pending-count")).toHaveText("4");

    await server.start();
    await page.getByRole("button", { name: "Sync" }).click();
    await expect(page.getByTestId("pending-count")).toHaveText("0", { timeout: 30_000 });
    // And once more: a sync with nothing pending sends nothing twice.
    await page.getByRole("button", { name: "Sync" }).click();
    await expect(page.getByRole("button", { name: "Sync" })).toBeEnabled({ timeout: 30_000 });
    const { rows, uniqueIds } = await deviceRows(api, event.id, "Outage door");
    expect(rows).toHaveLength(4);
    expect(uniqueIds).toBe(4);
  } finally {
    await ctx?.close().catch(() => undefined);
    await server.stop();
    rmSync(profile, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  }
});
