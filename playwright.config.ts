import { defineConfig } from "@playwright/test";
import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** Debian's Chromium: Playwright's own browser download does not work on these machines. */
function chromiumPath(): string {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  return execFileSync("bash", ["scripts/ensure-chromium.sh"], { encoding: "utf8" }).trim();
}

export const E2E_PORT = Number(process.env.E2E_PORT ?? 18080);
export const E2E_HOST_TOKEN = "e2e-host-token-0123456789abcdef";
const dataDir = process.env.E2E_DATA_DIR ?? mkdtempSync(join(tmpdir(), "doorlist-e2e-"));

export default defineConfig({
  testDir: "e2e",
  testMatch: "**/*.spec.ts",
  // One server, one set of fake cameras, two cores: run the browser tests one at a time.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    baseURL: `http://localhost:${E2E_PORT}`,
    launchOptions: {
      executablePath: chromiumPath(),
      args: ["--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
    trace: "off",
  },
  webServer: {
    command: "npx tsx src/server/main.ts",
    url: `http://localhost:${E2E_PORT}/api/v1/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: { PORT: String(E2E_PORT), DATA_DIR: dataDir, HOST_TOKEN: E2E_HOST_TOKEN, STATIC_DIR: "dist" },
  },
});
