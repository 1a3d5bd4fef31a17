/**
 * The console by keyboard alone: the section links are reachable with Tab, opening one moves
 * focus to its heading, and a pass's dialog closes with Escape and gives focus back.
 */
import { expect, test, type Page } from "@playwright/test";
import { E2E_HOST_TOKEN } from "./support/env.js";
import { HostApi } from "./support/server.js";

const api = new HostApi();

async function tabTo(page: Page, name: string, limit = 40): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press("Tab");
    const label = await page.evaluate(() => (document.activeElement as HTMLElement | null)?.innerText?.trim() ?? "");
    if (label === name) return;
  }
  throw new Error(`Tab never reached “${name}”`);
}

test("keyboard: sections by Tab and Enter, focus on the new heading; pass dialog closes with Escape", async ({ page }) => {
  const event = await api.createEvent({ name: "Keyboard e2e" });
  await api.issuePasses(event.id, [{ holder: "Hedy Lamarr", tier: "GA" }]);
  await page.goto(`/host?event=${event.id}&tab=setup#token=${E2E_HOST_TOKEN}`);
  await expect(page.getByRole("heading", { level: 1, name: "Setup" })).toBeVisible();

  await tabTo(page, "Passes");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Passes" })).toBeFocused();

  const open = page.getByRole("button", { name: "Open pass of Hedy Lamarr" });
  await open.focus();
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: /Hedy Lamarr/ });
  await expect(dialog).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(open).toBeFocused();
});
