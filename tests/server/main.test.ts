/** `npm start`'s server process on its default store: PGlite in DATA_DIR, host token made once. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startServerProcess } from "../support/server-process.js";

describe("server process on PGlite", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "doorlist-main-"));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it("prints the host console URL with a new token once, on the first start only, and keeps the token across restarts", async () => {
    const env = { DATA_DIR: dataDir, HOST_TOKEN: "" };
    const first = await startServerProcess(env);
    let token: string;
    try {
      const m = /(http:\/\/localhost:\d+)\/host#token=([A-Za-z0-9_-]{43})/.exec(first.output());
      expect(m, first.output()).not.toBeNull();
      token = m![2]!;
      const ok = await fetch(`${first.baseUrl}/api/v1/events`, { headers: { authorization: `Bearer ${token}` } });
      expect(ok.status).toBe(200);
      const bad = await fetch(`${first.baseUrl}/api/v1/events`, { headers: { authorization: "Bearer wrong" } });
      expect(bad.status).toBe(401);
      expect(first.output().split(token).length - 1).toBe(1);
    } finally {
      await first.stop();
    }
    const second = await startServerProcess(env);
    try {
      expect(second.output()).not.toMatch(/token=/);
      const ok = await fetch(`${second.baseUrl}/api/v1/events`, { headers: { authorization: `Bearer ${token}` } });
      expect(ok.status).toBe(200);
      expect(second.output()).not.toContain(token);
    } finally {
      await second.stop();
    }
  }, 90_000);
});
