/**
 * A new version never reloads the page under someone mid-scan: it shows an Update prompt, and the
 * page reloads only when the person taps it. The "new version" is the built service worker with
 * one more byte, which is all the browser needs to install it as an update.
 */
import { expect, test } from "@playwright/test";
import { appendFileSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { firstPage, launchDevice, newProfileDir, waitForServiceWorker } from "./support/browser.js";
import { writeY4m } from "./support/y4m.js";

const SW = new URL("../dist/sw.js", import.meta.url).pathname;

test("a new version waits for the Update tap, then reloads once", async () => {
  const blank = join(tmpdir(), `doorlist-e2e-${process.pid}-update-blank.y4m`);
  writeY4m(blank, [{ text: null, frames: 5 }], 5);
  const profile = newProfileDir();
  const original = readFileSync(SW);
  const ctx = await launchDevice({ video: blank, profileDir: profile });
  try {
    const page = await firstPage(ctx);
    await page.goto("/");
    await expect(page.getByRole("heading", { name: "Doorlist" })).toBeVisible();
    await waitForServiceWorker(page);
    // Survives only as long as this document: a reload clears it.
    await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));
    await page.getByLabel("Enrollment link or code").fill("half-typed");

    appendFileSync(SW, "\n// e2e: a new version\n");
    await page.evaluate(async () => {
      const reg = await navigator.serviceWorker.getRegistration();
      await reg?.update();
    });
    const prompt = page.getByRole("status").filter({ hasText: "A new version of Doorlist is ready." });
    await expect(prompt).toBeVisible({ timeout: 20_000 });
    // Not reloaded by itself: the same document, and what was being typed is still there.
    await page.waitForTimeout(1000);
    expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
    await expect(page.getByLabel("Enrollment link or code")).toHaveValue("half-typed");

    await Promise.all([page.waitForEvent("load"), prompt.getByRole("button", { name: "Update" }).click()]);
    expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBeUndefined();
    await expect(page.getByRole("heading", { name: "Doorlist" })).toBeVisible();
    await expect(page.getByRole("status").filter({ hasText: "A new version" })).toHaveCount(0);
  } finally {
    writeFileSync(SW, original);
    await ctx.close();
    rmSync(profile, { recursive: true, force: true });
    rmSync(blank, { force: true });
  }
});
