import { createPrivateKey, X509Certificate } from "node:crypto";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ensureCertificate, httpsWanted } from "../../src/server/tls.js";

const dir = mkdtempSync(join(tmpdir(), "doorlist-tls-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("HTTPS=1 certificate", () => {
  it("is made once in DATA_DIR/tls, covers localhost, and is reused", () => {
    const first = ensureCertificate(dir);
    expect(first.created).toBe(true);
    const cert = new X509Certificate(first.cert);
    expect(cert.subjectAltName).toContain("DNS:localhost");
    expect(cert.subjectAltName).toContain("IP Address:127.0.0.1");
    expect(cert.checkPrivateKey(createPrivateKey(first.key))).toBe(true);
    const mtime = statSync(first.certPath).mtimeMs;
    const again = ensureCertificate(dir);
    expect(again.created).toBe(false);
    expect(statSync(again.certPath).mtimeMs).toBe(mtime);
  });

  it("is made again when the machine has a name the old one does not cover", () => {
    expect(ensureCertificate(dir, ["doorlist.local"]).created).toBe(true);
    expect(new X509Certificate(ensureCertificate(dir, ["doorlist.local"]).cert).subjectAltName).toContain("DNS:doorlist.local");
  });

  it("says what to do when openssl is missing", () => {
    const path = process.env.PATH;
    process.env.PATH = join(dir, "nothing-here");
    try {
      expect(() => ensureCertificate(join(dir, "fresh"))).toThrow(/needs the `openssl` command/);
    } finally {
      process.env.PATH = path;
    }
  });

  it("is wanted only when HTTPS says so", () => {
    expect(httpsWanted({ HTTPS: "1" })).toBe(true);
    expect(httpsWanted({ HTTPS: "true" })).toBe(true);
    expect(httpsWanted({ HTTPS: "0" })).toBe(false);
    expect(httpsWanted({})).toBe(false);
  });
});
