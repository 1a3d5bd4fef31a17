import type { Storage } from "../storage/port.js";

/** What the HTTP layer needs from the outside; tests build it around a throwaway database. */
export interface AppDeps {
  storage: Storage;
  /** SHA-256 hex of the host token */
  hostTokenHash: string;
  /** e.g. https://doors.example.org; enrollment links use the request's origin when unset */
  publicUrl?: string | undefined;
  /** the clock, replaceable in tests */
  now?: () => number;
}

export type AppEnv = { Variables: { deps: AppDeps } };
