/**
 * Security headers on every kind of response, and no secret ever in the server's log: the host
 * token, device tokens and enrollment codes are credentials, and logs get copied around.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CONTENT_SECURITY_POLICY } from "../../../src/server/http/security.js";
import { mountStatic } from "../../../src/server/static.js";
import { HOST_TOKEN, TestApi } from "../support/api.js";
import { startServerProcess } from "../../support/server-process.js";
import { openTestStore, type TestStore } from "../support/stores.js";

let store: TestStore;
let api: TestApi;
let staticDir: string;

beforeAll(async () => {
  store = await openTestStore("pglite");
  api = new TestApi(store.storage);
  staticDir = mkdtempSync(join(tmpdir(), "doorlist-static-"));
  writeFileSync(join(staticDir, "index.html"), "<!doctype html><title>Doorlist</title>");
  mountStatic(api.app, staticDir);
}, 60_000);

afterAll(async () => {
  await store.cleanup();
  rmSync(staticDir, { recursive: true, force: true });
});

describe("security headers", () => {
  it.each([
    ["an API answer", "GET", "/api/v1/health", null, 200],
    ["an authentication error", "GET", "/api/v1/events", null, 401],
    ["an unknown API route", "GET", "/api/v1/nothing-here", HOST_TOKEN, 404],
    ["a bad request", "POST", "/api/v1/events", HOST_TOKEN, 400],
    ["the app page", "GET", "/", null, 200],
    ["a deep link into the app", "GET", "/enroll?code=ABC", null, 200],
  ])("on %s", async (_what, method, path, token, status) => {
    const r = await api.call(method, path, { token, ...(method === "POST" ? { raw: "{" } : {}) });
    expect(r.status).toBe(status);
    expect(r.headers.get("content-security-policy")).toBe(CONTENT_SECURITY_POLICY);
    expect(r.headers.get("x-content-type-options")).toBe("nosniff");
    expect(r.headers.get("referrer-policy")).toBe("no-referrer");
    expect(r.headers.get("x-frame-options")).toBe("DENY");
    expect(r.headers.get("permissions-policy")).toContain("camera=(self)");
  });

  it("lets no script run from anywhere but the app's own origin", () => {
    const directives = Object.fromEntries(CONTENT_SECURITY_POLICY.split("; ").map((d) => [d.split(" ")[0], d]));
    expect(directives["script-src"]).toBe("script-src 'self'");
    expect(directives["object-src"]).toBe("object-src 'none'");
    expect(directives["frame-ancestors"]).toBe("frame-ancestors 'none'");
  });

  it("never lets an API answer be cached", async () => {
    const r = await api.call("GET", "/api/v1/events");
    expect(r.headers.get("cache-control")).toBe("no-store");
  });
});

describe("the server's log", () => {
  it("never contains a token or an enrollment code, even for failed requests", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "doorlist-log-"));
    const hostToken = "log-test-host-token-9f8e7d6c5b4a";
    const server = await startServerProcess({ DATA_DIR: dataDir, HOST_TOKEN: hostToken });
    const secrets = [hostToken];
    try {
      const call = (path: string, token: string | null, body?: unknown, method = body === undefined ? "GET" : "POST") =>
        fetch(server.baseUrl + path, {
          method,
          headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), "content-type": "application/json" },
          body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
        });
      const event = await (await call("/api/v1/events", hostToken, { name: "Log test", startsAt: 1_790_000_000_000, endsAt: 1_790_003_600_000 })).json();
      const made = await (await call(`/api/v1/events/${event.id}/enrollments`, hostToken, { role: "door" })).json();
      secrets.push(made.code);
      const device = await (await call("/api/v1/enroll", null, { code: made.code, label: "Door" })).json();
      secrets.push(device.token);
      await call("/api/v1/enroll", null, { code: made.code, label: "Again" }); // 410
      await call("/api/v1/sync/push", device.token, "{not json");
      await call("/api/v1/sync/push", device.token, { entries: [{ id: "x", deviceId: "someone-else", seq: 1, type: "exit", at: 1_790_000_000_000, passId: "p" }] });
      await call("/api/v1/sync/pull?cursor=forged", device.token);
      await call("/api/v1/events", `${device.token}x`);
      await call("/api/v1/events", device.token);
      await call(`/api/v1/events/${event.id}/report`, device.token);
    } finally {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
    const log = server.output();
    expect(log).toContain("Doorlist is serving");
    for (const secret of secrets) expect(log).not.toContain(secret);
  }, 90_000);
});
