/**
 * A browser per device. The fake camera's file is fixed when Chromium launches, and a device's
 * storage lives in its profile, so each test device is a persistent context on its own profile
 * folder: closing and relaunching it with another video is a phone whose browser was killed and
 * reopened, with IndexedDB and the service worker kept.
 */
import { chromium, type BrowserContext, type Page } from "@playwright/test";
import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BASE_URL } from "./env.js";

function chromiumPath(): string {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  return execFileSync("bash", ["scripts/ensure-chromium.sh"], { encoding: "utf8" }).trim();
}

export function newProfileDir(): string {
  return mkdtempSync(join(tmpdir(), "doorlist-device-"));
}

export interface DeviceLaunch {
  /** absolute path of the y4m the camera plays */
  video: string;
  profileDir: string;
  offline?: boolean;
  /** another server than the Playwright suite's (benchmarks start their own) */
  baseURL?: string;
}

export async function launchDevice(opts: DeviceLaunch): Promise<BrowserContext> {
  return chromium.launchPersistentContext(opts.profileDir, {
    executablePath: chromiumPath(),
    headless: true,
    baseURL: opts.baseURL ?? BASE_URL,
    offline: opts.offline ?? false,
    viewport: { width: 390, height: 844 },
    permissions: ["camera"],
    args: [
      "--use-fake-device-for-media-stream",
      `--use-file-for-fake-video-capture=${opts.video}`,
      "--use-fake-ui-for-media-stream",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      // Sound plays without a gesture in tests, so the WebAudio path runs too.
      "--autoplay-policy=no-user-gesture-required",
    ],
  });
}

/** The page a persistent context opens with, or a new one. */
export async function firstPage(context: BrowserContext): Promise<Page> {
  return context.pages()[0] ?? (await context.newPage());
}

/** Waits until the service worker controls the page, so the app and its chunks load offline. */
export async function waitForServiceWorker(page: Page, timeoutMs = 30_000): Promise<void> {
  const controlled = page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise<void>((resolve) => navigator.serviceWorker.addEventListener("controllerchange", () => resolve(), { once: true }));
    }
  });
  // Say what is wrong rather than run into the test's timeout (e.g. dist/ rebuilt mid-test).
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the service worker did not control the page within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([controlled, late]);
  } finally {
    clearTimeout(timer);
  }
}
