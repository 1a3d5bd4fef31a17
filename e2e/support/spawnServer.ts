/**
 * The real server serving dist/ on its own port and data folder, for benchmarks (the Playwright
 * suite gets its server from playwright.config.ts's webServer instead).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ServerProcess } from "../../tests/support/server-process.js";

export interface RunningServer {
  baseUrl: string;
  hostToken: string;
  stop: () => Promise<void>;
}

/** Starts the server on dist/ (build first) and waits until it answers health checks. */
export async function startServer(root: string): Promise<RunningServer> {
  const dataDir = mkdtempSync(join(tmpdir(), "doorlist-bench-data-"));
  const hostToken = `bench-host-token-${Date.now().toString(36)}-0123456789`;
  const server = new ServerProcess({ env: { DATA_DIR: dataDir, HOST_TOKEN: hostToken, STATIC_DIR: join(root, "dist") } });
  try {
    await server.start(60_000);
  } catch (err) {
    rmSync(dataDir, { recursive: true, force: true });
    throw err;
  }
  return {
    // localhost, not 127.0.0.1: the address the app is tested at, for the camera and the service worker alike
    baseUrl: `http://localhost:${server.listeningPort}`,
    hostToken,
    stop: async () => {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
