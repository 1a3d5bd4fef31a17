/**
 * HTTPS for phones on the local Wi-Fi: browsers give the camera only to HTTPS pages (or
 * localhost), so a phone opening http://192.168.x.y:8080 could not scan. With HTTPS=1 the server
 * serves TLS with a self-signed certificate made at first use and kept in DATA_DIR, so phones
 * that trusted it once keep trusting it. node:crypto cannot make X.509 certificates and no
 * dependency-free pure-JS way exists, so this runs `openssl req -x509`, present on most systems.
 * Real deployments terminate TLS at a reverse proxy instead (docs/operations.md).
 */
import { execFileSync } from "node:child_process";
import { X509Certificate } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:https";
import { networkInterfaces } from "node:os";
import { join } from "node:path";

export interface TlsFiles {
  key: Buffer;
  cert: Buffer;
  certPath: string;
  /** the names and addresses the certificate is valid for */
  names: string[];
  created: boolean;
}

export function httpsWanted(env: NodeJS.ProcessEnv = process.env): boolean {
  return /^(1|true|yes|on)$/i.test(env.HTTPS ?? "");
}

/** This machine's IPv4 addresses on its networks: what a phone on the same Wi-Fi will type. */
export function lanAddresses(): string[] {
  const out: string[] = [];
  for (const list of Object.values(networkInterfaces())) {
    for (const a of list ?? []) if (a.family === "IPv4" && !a.internal) out.push(a.address);
  }
  return out;
}

/**
 * The certificate in DATA_DIR/tls, made now if missing, or remade when this machine has a LAN
 * address the old one does not cover (a new Wi-Fi): a phone would otherwise see a name mismatch.
 */
export function ensureCertificate(dataDir: string, extraNames: string[] = []): TlsFiles {
  const dir = join(dataDir, "tls");
  const keyPath = join(dir, "key.pem");
  const certPath = join(dir, "cert.pem");
  const wanted = ["localhost", "127.0.0.1", ...lanAddresses(), ...extraNames];
  if (existsSync(keyPath) && existsSync(certPath)) {
    const cert = new X509Certificate(readFileSync(certPath));
    const covered = cert.subjectAltName ?? "";
    const expired = new Date(cert.validTo).getTime() < Date.now() + 24 * 3600_000;
    if (!expired && wanted.every((n) => covered.includes(n))) {
      return { key: readFileSync(keyPath), cert: readFileSync(certPath), certPath, names: wanted, created: false };
    }
    rmSync(keyPath);
    rmSync(certPath);
  }
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const san = wanted.map((n) => (/^[\d.]+$/.test(n) ? `IP:${n}` : `DNS:${n}`)).join(",");
  try {
    execFileSync(
      "openssl",
      ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-sha256", "-days", "825", "-keyout", keyPath, "-out", certPath,
        "-subj", "/CN=Doorlist on this machine", "-addext", `subjectAltName=${san}`, "-addext", "basicConstraints=critical,CA:TRUE",
        "-addext", "extendedKeyUsage=serverAuth"],
      { stdio: ["ignore", "ignore", "pipe"] },
    );
  } catch (err) {
    const missing = (err as NodeJS.ErrnoException).code === "ENOENT";
    throw new Error(
      missing
        ? "HTTPS=1 needs the `openssl` command to make a self-signed certificate, and it is not installed. Install it (Debian/Ubuntu: apt-get install openssl; macOS has it), or serve plain HTTP behind a reverse proxy that does TLS (docs/operations.md)."
        : `openssl could not make the certificate: ${String((err as { stderr?: Buffer }).stderr ?? err)}`,
    );
  }
  return { key: readFileSync(keyPath), cert: readFileSync(certPath), certPath, names: wanted, created: true };
}

/** Options for @hono/node-server's serve(): a TLS server instead of plain HTTP. */
export function httpsServeOptions(tls: TlsFiles) {
  return { createServer, serverOptions: { key: tls.key, cert: tls.cert } };
}
