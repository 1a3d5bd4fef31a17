/**
 * The real server as a child process, so the chaos run can kill it without warning (SIGKILL:
 * no shutdown hook runs) and start it again on the same port and the same data.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import pg from "pg";

const root = new URL("../../", import.meta.url).pathname;

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

export interface ServerOptions {
  port: number;
  hostToken: string;
  /** PGlite data directory, or … */
  dataDir?: string;
  /** … a PostgreSQL URL */
  databaseUrl?: string;
  /** the built app to serve; none by default (the API is what most tests need) */
  staticDir?: string;
}

export class ServerProcess {
  private child: ChildProcess | undefined;
  private output = "";
  constructor(private readonly options: ServerOptions) {}

  get url(): string {
    return `http://127.0.0.1:${this.options.port}`;
  }

  /** Resolves when the server answers its health check; returns how long that took, in ms. */
  async start(timeoutMs = 300_000): Promise<number> {
    const began = Date.now();
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PORT: String(this.options.port),
      HOST: "127.0.0.1",
      HOST_TOKEN: this.options.hostToken,
      STATIC_DIR: this.options.staticDir ?? root + ".no-static-in-chaos",
    };
    delete env.DATABASE_URL;
    if (this.options.databaseUrl) env.DATABASE_URL = this.options.databaseUrl;
    if (this.options.dataDir) env.DATA_DIR = this.options.dataDir;
    const child = spawn(process.execPath, ["--import", "tsx", "src/server/main.ts"], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
    this.child = child;
    child.stdout!.on("data", (d: Buffer) => (this.output = (this.output + d.toString()).slice(-4000)));
    child.stderr!.on("data", (d: Buffer) => (this.output = (this.output + d.toString()).slice(-4000)));
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${this.output}`);
      try {
        const res = await fetch(`${this.url}/api/v1/health`, { signal: AbortSignal.timeout(1000) });
        if (res.ok) return Date.now() - began;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`server did not answer within ${timeoutMs / 1000} s:\n${this.output}`);
  }

  /** SIGKILL: the harshest stop, like a power cut or the OOM killer. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((r) => child.once("exit", r));
    child.kill("SIGKILL");
    await exited;
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((r) => child.once("exit", r));
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
    await exited;
    clearTimeout(timer);
  }
}

/** A fresh database on the test cluster, so runs never see each other's rows. */
export async function freshDatabase(adminUrl: string, name: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
