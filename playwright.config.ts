import { defineConfig } from "@playwright/test";
import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { E2E_HOST_TOKEN, E2E_PORT } from "./e2e/support/env.js";

/** Debian's Chromium: Playwright's own browser download does not work on these machines. */
function chromiumPath(): string {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  return execFileSync("bash", ["scripts/ensure-chromium.sh"], { encoding: "utf8" }).trim();
}

// Kept in e2e/support/env.ts so tests can import them without re-running this file's side effects.
export { E2E_HOST_TOKEN, E2E_PORT };
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
