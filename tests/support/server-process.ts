/**
 * The real server, `src/server/main.ts`, as a child process: for tests that need it on a socket
 * (two processes on one PostgreSQL, first-start output, the chaos run's SIGKILL and restart, the
 * browser suites' outages) and for the benchmarks. One implementation for all of them.
 *
 * Node runs it with tsx as a loader, not through `npx tsx`, so the child's pid is the server's
 * and a signal reaches the server itself.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";

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
  /** a fixed port, so a restarted server is found where the old one was; a free one otherwise */
  port?: number;
  /** PORT and HOST are set here; STATIC_DIR defaults to none (most tests need only the API) */
  env: Record<string, string>;
}

export class ServerProcess {
  private child: ChildProcess | undefined;
  private log = "";
  private port: number | undefined;

  constructor(private readonly options: ServerOptions) {
    this.port = options.port;
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${this.listeningPort}`;
  }

  get listeningPort(): number {
    if (this.port === undefined) throw new Error("the server has not been started");
    return this.port;
  }

  /** Everything the server printed, across restarts: what a host would see in their terminal. */
  output(): string {
    return this.log;
  }

  /** Starts it and resolves once it answers its health check; returns how long that took, in ms. */
  async start(timeoutMs = 300_000): Promise<number> {
    const began = Date.now();
    this.port ??= await freePort();
    const env: NodeJS.ProcessEnv = { ...process.env, STATIC_DIR: `${root}.no-static`, ...this.options.env, PORT: String(this.port), HOST: "127.0.0.1" };
    // The caller's environment must not pick the store: only options.env does.
    if (!("DATABASE_URL" in this.options.env)) delete env.DATABASE_URL;
    const child = spawn(process.execPath, ["--import", "tsx", "src/server/main.ts"], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
    this.child = child;
    const keep = (d: Buffer) => (this.log += d.toString());
    child.stdout!.on("data", keep);
    child.stderr!.on("data", keep);
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}:\n${this.log.slice(-4000)}`);
      try {
        const res = await fetch(`${this.baseUrl}/api/v1/health`, { signal: AbortSignal.timeout(1000) });
        if (res.ok) return Date.now() - began;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    await this.kill();
    throw new Error(`the server did not answer within ${timeoutMs / 1000} s:\n${this.log.slice(-4000)}`);
  }

  /** SIGKILL: no shutdown hook runs, as with a power cut or the OOM killer. */
  async kill(): Promise<void> {
    await this.signal("SIGKILL");
  }

  /** SIGTERM, then SIGKILL if it has not gone within 5 s. */
  async stop(): Promise<void> {
    await this.signal("SIGTERM");
  }

  private async signal(sig: "SIGTERM" | "SIGKILL"): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once("exit", r));
    child.kill(sig);
    const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
    await exited;
    clearTimeout(timer);
  }
}

/** A started server with this environment, for tests that only start and stop it. */
export async function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  const server = new ServerProcess({ env });
  await server.start(60_000);
  return server;
}
