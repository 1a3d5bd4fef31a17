/**
 * Reload offline → camera scanning: a door phone that was enrolled online loses the network and
 * its page is reloaded (the browser evicted it, or staff pulled to refresh). The app must come
 * back from the service worker's cache alone. The figure: from the reload command until the
 * scanner's camera stream is live and decoding.
 * Target: scanning within 1.5 s. (What happens after, a code to a verdict, is camera-to-verdict's
 * figure.) Needs dist/ (npm run bench builds first); starts its own server.
 */
import { rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { firstPage, launchDevice, newProfileDir, waitForServiceWorker } from "../e2e/support/browser.js";
import { HostApi } from "../e2e/support/server.js";
import { startServer } from "../e2e/support/spawnServer.js";
import { writeY4m } from "../e2e/support/y4m.js";
import { percentile, printResult, round } from "./lib/figures.js";

const RELOADS = 10;

const root = new URL("../", import.meta.url).pathname;
const server = await startServer(root);
const profile = newProfileDir();
const video = join(tmpdir(), `doorlist-bench-reload-${process.pid}.y4m`);
try {
  const api = new HostApi(server.baseUrl, server.hostToken);
  const event = await api.createEvent({ name: "Reload bench" });
  await api.issuePasses(event.id, [{ holder: "Guest", tier: "general" }]);
  writeY4m(video, [{ text: null, frames: 30 }], 15);
  const link = await api.enrollment(event.id, "door");
  const ctx = await launchDevice({ video, profileDir: profile, baseURL: server.baseUrl });
  const page = await firstPage(ctx);
  await page.goto(link.path);
  await page.getByRole("button", { name: "Enroll this device" }).click();
  await page.getByTestId("sync-status").waitFor({ timeout: 60_000 });
  await waitForServiceWorker(page);
  await ctx.setOffline(true);

  const toScanning: number[] = [];
  for (let i = 0; i < RELOADS; i++) {
    const started = Date.now();
    await page.reload({ waitUntil: "commit" });
    await page.getByTestId("scanner-state").filter({ hasText: "scanning" }).waitFor({ timeout: 15_000 });
    toScanning.push(Date.now() - started);
  }
  await ctx.close();
  printResult({
    bench: "offline-reload",
    figures: [
      { name: "reload offline → camera scanning, p50", value: round(percentile(toScanning, 50), 0), unit: "ms", target: 1500, better: "lower" },
      { name: "reload offline → camera scanning, max", value: round(Math.max(...toScanning), 0), unit: "ms", target: 1500, better: "lower" },
    ],
    notes: [`${RELOADS} reloads with the network off, headless Chromium, fake camera 640×480`],
  });
} finally {
  rmSync(video, { force: true });
  rmSync(profile, { recursive: true, force: true });
  await server.stop();
}
