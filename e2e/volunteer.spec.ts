/**
 * Issue 6's promise, end to end, on the real server and the built PWA: two volunteer phones,
 * both offline, sell the last units of an item and hand the same kit to the same pass; one closes
 * its shift with the wrong cash. Once both sync, each shows the item below zero and the host's
 * report shows the oversell, the duplicate pickup and the cash discrepancy with its amount.
 */
import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { firstPage, launchDevice, newProfileDir, waitForServiceWorker } from "./support/browser.js";
import { BASE_URL, E2E_HOST_TOKEN } from "./support/env.js";
import { HostApi } from "./support/server.js";
import { codesVideo } from "./support/y4m.js";

const api = new HostApi();

/** Host calls this spec needs beyond HostApi's: items, and passes with entitlements. */
async function host<T>(method: string, path: string, body: unknown): Promise<T> {
  const res = await fetch(BASE_URL + path, {
    method,
    headers: { authorization: `Bearer ${E2E_HOST_TOKEN}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

async function phone(browser: Browser, eventId: string, label: string): Promise<{ ctx: BrowserContext; page: Page }> {
  const ctx = await browser.newContext({ baseURL: BASE_URL, viewport: { width: 390, height: 844 } });
  const page = await ctx.newPage();
  const link = await api.enrollment(eventId, "volunteer");
  await page.goto(link.path);
  await page.getByLabel("Name for this device").fill(label);
  await page.getByRole("button", { name: "Enroll this device" }).click();
  await expect(page.getByRole("tab", { name: "Sell" })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId("last-sync")).not.toHaveText("never");
  await expect(page.getByTestId("pending-count")).toHaveText("0");
  // The app must open from the service worker once the network is gone.
  await waitForServiceWorker(page);
  return { ctx, page };
}

async function sell(page: Page, item: string, quantity: number, method: "Cash" | "Card"): Promise<void> {
  await page.getByRole("tab", { name: "Sell" }).click();
  for (let i = 0; i < quantity; i++) await page.getByRole("button", { name: `One more ${item}` }).click();
  await page.getByLabel(method, { exact: true }).check();
  await page.getByRole("button", { name: `Record ${method.toLowerCase()} sale` }).click();
  await expect(page.getByTestId("sale-done")).toBeVisible();
}

async function pickUp(page: Page, holder: string): Promise<void> {
  await page.getByRole("tab", { name: "Pickup" }).click();
  await page.getByLabel("Find by name").fill(holder.slice(0, 3));
  await page.getByRole("button", { name: new RegExp(holder) }).click();
  await expect(page.getByTestId("pickup-pass")).toContainText(holder);
  await page.getByRole("button", { name: /^Hand over/ }).click();
  await expect(page.getByTestId("pickup-done")).toBeVisible();
}

async function syncNow(page: Page): Promise<void> {
  await expect(page.getByTestId("online-state")).toHaveText("Online");
  await page.getByRole("button", { name: "Sync", exact: true }).click();
  await expect(page.getByTestId("pending-count")).toHaveText("0", { timeout: 20_000 });
  await expect(page.getByRole("button", { name: "Sync", exact: true })).toBeEnabled({ timeout: 20_000 });
}

test("two offline volunteer phones oversell, hand out one kit twice and miscount cash; the report shows all three", async ({ browser }) => {
  test.setTimeout(180_000);
  const event = await api.createEvent({ name: "Volunteer e2e" });
  await host("POST", `/api/v1/events/${event.id}/items`, { sku: "cap", name: "Cap", priceCents: 1000, stock: 3 });
  await host("POST", `/api/v1/events/${event.id}/items`, { sku: "tee", name: "Tee", priceCents: 2500, stock: 10 });
  const [pat] = (
    await host<{ passes: { id: string }[] }>("POST", `/api/v1/events/${event.id}/passes`, {
      passes: [{ holder: "Pat Runner", tier: "runner", entitlements: { kit: 1 } }],
    })
  ).passes;
  if (!pat) throw new Error("no pass issued");

  const a = await phone(browser, event.id, "Table A");
  const b = await phone(browser, event.id, "Table B");
  try {
    for (const p of [a.page, b.page]) await expect(p.getByTestId("left-cap")).toHaveText("3");

    await test.step("a mistaken sale is voided from Recent with a reason; the stock comes back", async () => {
      await sell(b.page, "Tee", 1, "Card");
      await expect(b.page.getByTestId("left-tee")).toHaveText("9");
      await b.page.getByRole("tab", { name: "Recent" }).click();
      await b.page.getByRole("button", { name: "Void" }).first().click();
      await b.page.getByLabel("Why void it?").fill("wrong size");
      await b.page.getByRole("button", { name: "Void it" }).click();
      await expect(b.page.getByText("Voided: wrong size")).toBeVisible();
      await b.page.getByRole("tab", { name: "Sell" }).click();
      await expect(b.page.getByTestId("left-tee")).toHaveText("10");
    });

    await test.step("both offline: 2 + 2 of the last 3 caps, both recorded", async () => {
      await a.ctx.setOffline(true);
      await b.ctx.setOffline(true);
      for (const p of [a.page, b.page]) await expect(p.getByTestId("online-state")).toHaveText("Offline");
      await sell(a.page, "Cap", 2, "Cash");
      await sell(b.page, "Cap", 2, "Card");
      // each phone knows only its own sale while offline
      await expect(a.page.getByTestId("left-cap")).toHaveText("1");
      await expect(b.page.getByTestId("left-cap")).toHaveText("1");
    });

    await test.step("Table A's tab is closed and opened again offline: the sale is still there, still pending", async () => {
      await a.page.close();
      a.page = await a.ctx.newPage();
      await a.page.goto("/");
      await expect(a.page.getByTestId("online-state")).toHaveText("Offline");
      await expect(a.page.getByTestId("left-cap")).toHaveText("1");
      await expect(a.page.getByTestId("pending-count")).toHaveText("1");
    });

    await test.step("both offline: the same pass collects its one kit at each table", async () => {
      await pickUp(a.page, "Pat Runner");
      await pickUp(b.page, "Pat Runner");
    });

    await test.step("Table A closes its shift with 5.00 missing from the drawer", async () => {
      await a.page.getByRole("tab", { name: "Close shift" }).click();
      await expect(a.page.getByTestId("expected-cash")).toHaveText("20.00");
      await a.page.getByLabel("Cash counted in the drawer").fill("15.00");
      await expect(a.page.getByText("Short by 5.00")).toBeVisible();
      await a.page.getByRole("button", { name: "Close shift" }).click();
      await expect(a.page.getByTestId("shift-closed")).toContainText("short by 5.00");
    });

    await test.step("back online: after both sync, both phones show −1 caps", async () => {
      for (const p of [a.page, b.page]) expect(Number(await p.getByTestId("pending-count").textContent())).toBeGreaterThan(0);
      await a.ctx.setOffline(false);
      await b.ctx.setOffline(false);
      await syncNow(a.page);
      await syncNow(b.page);
      await syncNow(a.page);
      for (const p of [a.page, b.page]) {
        await p.getByRole("tab", { name: "Sell" }).click();
        await expect(p.getByTestId("left-cap")).toHaveText("-1");
      }
    });

    await test.step("the other table's pickup now shows as a warning with where it happened", async () => {
      await a.page.getByRole("tab", { name: "Pickup" }).click();
      await a.page.getByLabel("Find by name").fill("Pat");
      await a.page.getByRole("button", { name: /Pat Runner/ }).click();
      const warning = a.page.getByTestId("already-picked-up");
      await expect(warning).toContainText("Table B");
      await expect(warning).toContainText("this device (Table A)");
      await expect(a.page.getByTestId("ent-kit")).toHaveText("-1 of 1 left");
    });

    await test.step("the host's report: oversold by 1 on both devices, a duplicate pickup, the cash discrepancy", async () => {
      const report = (await api.report(event.id)) as {
        oversold: { sku: string; oversoldBy: number; devices: { deviceLabel: string; quantity: number }[] }[];
        duplicatePickups: { passId: string; entitlement: string; over: number; acrossDevices: boolean; pickups: { deviceLabel: string }[] }[];
        cash: { deviceLabel: string; shift: string; expectedCents: number; countedCents: number | null; differenceCents: number | null; status: string }[];
        sales: { byMethod: Record<string, { count: number; totalCents: number }>; voidedCount: number };
        voids: { deviceLabel: string; reason: string; target: { type: string; totalCents: number | null } | null }[];
      };
      expect(report.oversold).toHaveLength(1);
      expect(report.oversold[0]).toMatchObject({ sku: "cap", oversoldBy: 1 });
      expect(report.oversold[0]!.devices.map((d) => `${d.deviceLabel}:${d.quantity}`).sort()).toEqual(["Table A:2", "Table B:2"]);
      expect(report.duplicatePickups).toEqual([expect.objectContaining({ passId: pat.id, entitlement: "kit", over: 1, acrossDevices: true })]);
      expect(report.duplicatePickups[0]!.pickups.map((p) => p.deviceLabel).sort()).toEqual(["Table A", "Table B"]);
      expect(report.cash).toContainEqual(
        expect.objectContaining({ deviceLabel: "Table A", shift: "shift-1", expectedCents: 2000, countedCents: 1500, differenceCents: -500, status: "short" }),
      );
      expect(report.sales.byMethod).toMatchObject({ cash: { count: 1, totalCents: 2000 }, card: { count: 1, totalCents: 2000 } });
      expect(report.sales.voidedCount).toBe(1);
      expect(report.voids).toEqual([expect.objectContaining({ deviceLabel: "Table B", reason: "wrong size", target: expect.objectContaining({ type: "sale", totalCents: 2500 }) })]);

      const res = await fetch(`${BASE_URL}/api/v1/events/${event.id}/report.csv`, { headers: { authorization: `Bearer ${E2E_HOST_TOKEN}` } });
      expect(res.status).toBe(200);
      const csv = await res.text();
      expect(csv).toContain("short by 5.00");
      expect(csv).toContain("oversold by 1");
      expect(csv).toContain("picked up again");
    });
  } finally {
    await a.ctx.close().catch(() => undefined);
    await b.ctx.close().catch(() => undefined);
  }
});

test("at the pickup desk a pass shown to the camera opens its entitlements, and the pickup is recorded", async () => {
  test.setTimeout(120_000);
  const event = await api.createEvent({ name: "Pickup camera e2e" });
  const [sam] = (
    await host<{ passes: { id: string; code: string }[] }>("POST", `/api/v1/events/${event.id}/passes`, {
      passes: [{ holder: "Sam Camera", tier: "runner", entitlements: { kit: 1, tote: 1 } }],
    })
  ).passes;
  if (!sam) throw new Error("no pass issued");
  const video = join(tmpdir(), `doorlist-e2e-${process.pid}-pickup.y4m`);
  codesVideo(video, [sam.code], { fps: 5, showSeconds: 1, gapSeconds: 1 });
  const profile = newProfileDir();
  const ctx = await launchDevice({ video, profileDir: profile });
  try {
    const page = await firstPage(ctx);
    const link = await api.enrollment(event.id, "volunteer");
    await page.goto(link.path);
    await page.getByLabel("Name for this device").fill("Kit desk");
    await page.getByRole("button", { name: "Enroll this device" }).click();
    await page.getByRole("tab", { name: "Pickup" }).click({ timeout: 30_000 });
    await page.getByRole("button", { name: "Scan a pass" }).click();
    await expect(page.getByTestId("pickup-pass")).toContainText("Sam Camera", { timeout: 20_000 });
    await expect(page.getByTestId("ent-kit")).toHaveText("1 of 1 left");
    await expect(page.getByTestId("ent-tote")).toHaveText("1 of 1 left");
    await page.getByRole("button", { name: /^Hand over/ }).click();
    await expect(page.getByTestId("pickup-done")).toContainText("Sam Camera");
    await page.getByRole("button", { name: "Sync", exact: true }).click();
    await expect(page.getByTestId("pending-count")).toHaveText("0", { timeout: 20_000 });
    const rows = ((await api.report(event.id)) as { counts: { byType: Record<string, number> } }).counts.byType;
    expect(rows.pickup).toBe(1);
  } finally {
    await ctx.close().catch(() => undefined);
    rmSync(profile, { recursive: true, force: true });
    rmSync(video, { force: true });
  }
});
