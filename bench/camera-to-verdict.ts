/**
 * Camera to verdict: the fake camera plays a y4m in which each QR code appears at a known frame
 * after white frames. In the page, requestVideoFrameCallback watches a pixel inside the code's
 * top-left finder pattern, so we know when the frame with the code was presented; a
 * MutationObserver sees the verdict overlay change, and the next animation frame is when it is on
 * screen. The figure is the time between the two, per code. Target: p95 ≤ 300 ms.
 * Needs dist/ (npm run bench:camera builds first) and starts its own server.
 */
import { rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { firstPage, launchDevice, newProfileDir } from "../e2e/support/browser.js";
import { HostApi } from "../e2e/support/server.js";
import { startServer } from "../e2e/support/spawnServer.js";
import { placeQr, writeY4m, type Segment } from "../e2e/support/y4m.js";
import { percentile, printResult, round } from "./lib/figures.js";

const CODES = 12;
const FPS = 15;
const SHOW_FRAMES = 12;
const GAP_FRAMES = 12;

/**
 * Runs in the page before the app: records when a frame with a code is presented (a pixel inside
 * the finder pattern turns dark) and when the verdict overlay shows new text (next paint).
 */
const PAGE_PROBE = `function (probe) {
  window.__codeAt = [];
  window.__verdictAt = [];
  var canvas = document.createElement("canvas");
  canvas.width = 1;
  canvas.height = 1;
  var ctx = canvas.getContext("2d", { willReadFrequently: true });
  var watched = null;
  var dark = false;
  function watch(video) {
    function onFrame(now, meta) {
      if (video.videoWidth > 0) {
        ctx.drawImage(video, probe.x, probe.y, 1, 1, 0, 0, 1, 1);
        var isDark = ctx.getImageData(0, 0, 1, 1).data[0] < 100;
        // presentationTime: when the compositor got this frame, the earliest it could be seen.
        if (isDark && !dark) window.__codeAt.push(meta.presentationTime);
        dark = isDark;
      }
      video.requestVideoFrameCallback(onFrame);
    }
    video.requestVideoFrameCallback(onFrame);
  }
  var lastText = "";
  new MutationObserver(function () {
    var v = document.querySelector('[data-testid="scanner-video"]');
    if (v && v !== watched) {
      watched = v;
      dark = false;
      watch(v);
    }
    var verdict = document.querySelector('[data-testid="verdict"]');
    var text = verdict ? verdict.textContent : "";
    if (verdict && text !== lastText) {
      requestAnimationFrame(function () { window.__verdictAt.push({ t: performance.now(), text: text }); });
    }
    lastText = text;
  }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
}`;

const root = new URL("../", import.meta.url).pathname;
const server = await startServer(root);
const profile = newProfileDir();
const video = join(tmpdir(), `doorlist-bench-camera-${process.pid}.y4m`);
try {
  const api = new HostApi(server.baseUrl, server.hostToken);
  const event = await api.createEvent({ name: "Camera bench" });
  const passes = await api.issuePasses(
    event.id,
    Array.from({ length: CODES }, (_, i) => ({ holder: `Guest ${i + 1}`, tier: "general" })),
  );
  const segments: Segment[] = [{ text: null, frames: GAP_FRAMES * 3 }];
  for (const p of passes) segments.push({ text: p.code, frames: SHOW_FRAMES }, { text: null, frames: GAP_FRAMES });
  writeY4m(video, segments, FPS);
  // Every pass text has the same length, so every code lands in the same place.
  const place = placeQr(passes[0]!.code);
  const probe = { x: place.left + Math.floor(3.5 * place.scale), y: place.top + Math.floor(3.5 * place.scale) };

  const link = await api.enrollment(event.id, "door");
  const ctx = await launchDevice({ video, profileDir: profile, baseURL: server.baseUrl });
  const page = await firstPage(ctx);
  // A string, not a function: tsx would wrap the inner functions in a `__name` helper the page lacks.
  await page.addInitScript(`(${PAGE_PROBE})(${JSON.stringify(probe)})`);
  await page.goto(link.path);
  await page.getByRole("button", { name: "Enroll this device" }).click();
  await page.getByTestId("sync-status").waitFor({ timeout: 60_000 });
  const seconds = segments.reduce((s, seg) => s + seg.frames, 0) / FPS;
  await page.waitForTimeout(seconds * 1000 + 1000);
  const { codeAt, verdictAt } = await page.evaluate(() => {
    const w = window as unknown as { __codeAt: number[]; __verdictAt: { t: number; text: string }[] };
    return { codeAt: w.__codeAt, verdictAt: w.__verdictAt };
  });
  await ctx.close();

  // Each verdict belongs to the latest code that appeared before it.
  const latencies: number[] = [];
  for (const v of verdictAt) {
    const shown = codeAt.filter((t) => t <= v.t).pop();
    if (shown !== undefined && v.t - shown < 3000) latencies.push(v.t - shown);
  }
  if (latencies.length < CODES / 2) {
    throw new Error(`only ${latencies.length} verdicts for ${codeAt.length} codes seen: ${JSON.stringify({ codeAt, verdictAt })}`);
  }
  printResult({
    bench: "camera-to-verdict",
    figures: [
      { name: "camera to verdict p50", value: round(percentile(latencies, 50), 0), unit: "ms", target: 300, better: "lower" },
      { name: "camera to verdict p95", value: round(percentile(latencies, 95), 0), unit: "ms", target: 300, better: "lower" },
      { name: "camera to verdict max", value: round(Math.max(...latencies), 0), unit: "ms" },
    ],
    notes: [`${latencies.length} codes at ${FPS} fps, 640×480 fake camera, headless Chromium, scan delay 50 ms`],
  });
} finally {
  rmSync(video, { force: true });
  rmSync(profile, { recursive: true, force: true });
  await server.stop();
}
