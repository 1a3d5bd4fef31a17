/**
 * The ways round the camera, and leaving: a typed code and a name search go through the same
 * verdict engine, and wiping a device with unsent check-ins needs a second, explicit yes.
 */
import { expect, test, type Page } from "@playwright/test";
import { rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { firstPage, launchDevice, newProfileDir, waitForServiceWorker } from "./support/browser.js";
import { forge } from "./support/passes.js";
import { HostApi } from "./support/server.js";
import { writeY4m } from "./support/y4m.js";

const api = new HostApi();

/** Keeps every camera stream the page opens, to check that leaving the door screen stops it. */
const TRACK_STREAMS = `(function () {
  var md = navigator.mediaDevices;
  if (!md) return;
  var original = md.getUserMedia.bind(md);
  window.__streams = [];
  md.getUserMedia = function (constraints) {
    return original(constraints).then(function (stream) { window.__streams.push(stream); return stream; });
  };
})()`;

async function liveCameraTracks(page: Page): Promise<number> {
  return page.evaluate(() => {
    const streams = (window as unknown as { __streams?: MediaStream[] }).__streams ?? [];
    return streams.flatMap((s) => s.getVideoTracks()).filter((t) => t.readyState === "live").length;
  });
}

test("typed code, name search, capacity, exit mode, and a wipe that warns about unsent check-ins", async () => {
  test.setTimeout(120_000);
  // Room for two: the second admission fills the venue, the third guest meets FULL.
  const event = await api.createEvent({ name: "Manual e2e", capacity: 2 });
  const [ada, katherine, mary] = await api.issuePasses(event.id, [
    { holder: "Ada Lovelace", tier: "general" },
    { holder: "Katherine Johnson", tier: "general" },
    { holder: "Mary Jackson", tier: "general" },
  ]);
  if (!ada || !katherine || !mary) throw new Error("the server issued fewer passes than asked");
  const link = await api.enrollment(event.id, "door");
  const blank = join(tmpdir(), `doorlist-e2e-${process.pid}-manual-blank.y4m`);
  writeY4m(blank, [{ text: null, frames: 5 }], 5);
  const profile = newProfileDir();
  const ctx = await launchDevice({ video: blank, profileDir: profile });
  try {
    const page = await firstPage(ctx);
    // A string, not a function: the test runner's transpiler would add helpers the page lacks.
    await page.addInitScript(TRACK_STREAMS);
    await page.goto(link.path);
    await page.getByRole("button", { name: "Enroll this device" }).click();
    await expect(page.getByTestId("last-sync")).not.toHaveText("never", { timeout: 30_000 });
    await waitForServiceWorker(page);
    await ctx.setOffline(true);
    await expect(page.getByTestId("online-state")).toHaveText("Offline");
    // StrictMode mounts the scanner twice: exactly one camera may stay on.
    await expect(page.getByTestId("scanner-state")).toHaveText("scanning");
    await expect.poll(() => liveCameraTracks(page)).toBe(1);

    await page.getByLabel("Type a code").fill(ada.code);
    await page.getByRole("button", { name: "Check" }).click();
    const verdict = page.getByTestId("verdict");
    await expect(verdict).toHaveAttribute("data-verdict", "ADMIT");
    await expect(verdict).toContainText("Ada Lovelace");
    // Tapping clears it before its time.
    await verdict.click();
    await expect(verdict).toBeHidden();
    await expect(page.getByTestId("verdict-announcer")).toHaveText("");

    await page.getByLabel("Type a code").fill(forge(katherine.code));
    await page.getByRole("button", { name: "Check" }).click();
    await expect(page.getByTestId("verdict")).toHaveAttribute("data-verdict", "FORGED");

    await page.getByLabel("Type a code").fill("HELLO");
    await page.getByRole("button", { name: "Check" }).click();
    await expect(page.getByTestId("verdict")).toHaveAttribute("data-verdict", "NOT_A_PASS");

    await page.getByLabel("Find by name").fill("Kather");
    await page.getByRole("button", { name: /Katherine Johnson/ }).click();
    await expect(page.getByTestId("verdict")).toHaveAttribute("data-verdict", "ADMIT");
    await expect(page.getByTestId("verdict")).toContainText("Katherine Johnson");
    await expect(page.getByTestId("verdict-capacity")).toHaveText("Now full: 2 of 2 inside");
    await expect(page.getByTestId("capacity")).toContainText("Inside now: 2 of 2");

    await page.getByLabel("Type a code").fill(mary.code);
    await page.getByRole("button", { name: "Check" }).click();
    await expect(page.getByTestId("verdict")).toHaveAttribute("data-verdict", "FULL");
    await expect(page.getByTestId("verdict")).toContainText("Venue full");

    // Exit mode: the same door now scans people out, and the count goes down.
    await page.getByRole("button", { name: "Settings" }).click();
    // Leaving the door screen turns the camera off.
    await expect.poll(() => liveCameraTracks(page)).toBe(0);
    await page.getByLabel("Exit: scans check people out").check();
    await page.getByRole("button", { name: "Save check-in list" }).click();
    await expect(page.getByText("Saved. The next scan uses this list.")).toBeVisible();
    await page.getByRole("button", { name: "Back to the door" }).click();
    await expect(page.getByTestId("exit-mode")).toBeVisible();
    await page.getByLabel("Type a code").fill(ada.code);
    await page.getByRole("button", { name: "Check" }).click();
    await expect(page.getByTestId("verdict")).toHaveAttribute("data-verdict", "EXITED");
    await expect(page.getByTestId("capacity")).toContainText("Inside now: 1 of 2");
    await expect(page.getByTestId("pending-count")).toHaveText("6");

    await page.getByRole("button", { name: "Settings" }).click();
    await page.getByRole("button", { name: "Wipe this device" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "will be lost" })).toContainText("6 check-ins have not reached the server and will be lost");
    await page.getByRole("button", { name: "Wipe anyway and lose 6" }).click();
    await expect(page.getByRole("heading", { name: "Doorlist" })).toBeVisible();
    await expect(page.getByLabel("Enrollment link or code")).toBeVisible();
  } finally {
    await ctx.close();
    rmSync(profile, { recursive: true, force: true });
    rmSync(blank, { force: true });
  }
});
