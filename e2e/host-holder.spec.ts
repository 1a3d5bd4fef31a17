/**
 * A guest's pass on their own phone keeps showing with no network once opened: the link's
 * fragment holds the pass, the page remembers it, and the service worker has the app shell.
 * And the host's printable sheet has a card per valid pass.
 */
import { expect, test } from "@playwright/test";
import { waitForServiceWorker } from "./support/browser.js";
import { E2E_HOST_TOKEN } from "./support/env.js";
import { HostApi } from "./support/server.js";

const api = new HostApi();

test("holder page: shows the pass QR, then again offline, even without the fragment", async ({ browser }) => {
  const event = await api.createEvent({ name: "Holder page e2e" });
  const [pass] = await api.issuePasses(event.id, [{ holder: "Radia Perlman", tier: "VIP" }]);
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  try {
    const page = await context.newPage();
    const fragment = pass!.code.replace(/[% #]/g, (c) => encodeURIComponent(c));
    await page.goto(`/p/${pass!.id}#${fragment}`);
    const qr = page.getByRole("img", { name: "QR code of your pass, tier VIP" });
    await expect(qr).toBeVisible();
    await expect(page.getByText(`Pass ${pass!.id}`)).toBeVisible();
    await waitForServiceWorker(page);

    await context.setOffline(true);
    await page.reload();
    await expect(qr).toBeVisible();
    // The bare address works too on this phone: the pass was remembered at the first visit.
    await page.goto(`/p/${pass!.id}`);
    await expect(page.getByRole("img", { name: "QR code of your pass, tier VIP" })).toBeVisible();
  } finally {
    await context.close();
  }
});

test("holder page: a link without its pass says what is missing", async ({ page }) => {
  await page.goto("/p/0123456789ab");
  await expect(page.getByRole("heading", { name: "This pass cannot be shown" })).toBeVisible();
});

test("print sheet: one card per valid pass", async ({ page }) => {
  const event = await api.createEvent({ name: "Print e2e" });
  const passes = await api.issuePasses(event.id, [
    { holder: "Frances Allen", tier: "GA" },
    { holder: "Barbara Liskov", tier: "GA" },
    { holder: "Edsger Dijkstra", tier: "GA" },
  ]);
  await api.revoke(event.id, passes[2]!.id, "transfer");
  await page.goto(`/host?event=${event.id}&tab=roster#token=${E2E_HOST_TOKEN}`);
  await page.getByRole("button", { name: "Print all passes" }).click();
  await expect(page.getByText("2 passes on the sheet")).toBeVisible();
  await expect(page.getByRole("img", { name: /QR code of the pass of/ })).toHaveCount(2);
  await expect(page.getByRole("img", { name: "QR code of the pass of Edsger Dijkstra" })).toHaveCount(0);
});
