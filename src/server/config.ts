import { resolve } from "node:path";

/** Everything the server reads from the environment, read once, in one place. */
export interface ServerConfig {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  hostToken: string | undefined;
  staticDir: string;
  /** the public origin behind a reverse proxy, for links the server hands out */
  publicUrl: string | undefined;
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const port = Number(env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got ${env.PORT}`);
  return {
    port,
    host: env.HOST ?? "0.0.0.0",
    dataDir: resolve(env.DATA_DIR ?? "./data"),
    databaseUrl: env.DATABASE_URL || undefined,
    hostToken: env.HOST_TOKEN || undefined,
    staticDir: resolve(env.STATIC_DIR ?? "./dist"),
    publicUrl: env.PUBLIC_URL || undefined,
  };
}
