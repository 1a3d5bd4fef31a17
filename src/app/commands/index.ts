/**
 * What the screens import: `send`, `subscribe`, `startSync` and the contract's types. One app per
 * page, built on first use, on the real IndexedDB, fetch and clock. Tests build their own with
 * createDoorApp.
 */
import { DoorlistDB } from "../db/database.js";
import type { SchedulerEnv } from "../sync/service.js";
import { createDoorApp, type DoorApp, type Listener } from "./app.js";
import type { ArgsOf, HandlerName, ResultOf } from "./types.js";

export * from "./types.js";
export { createDoorApp, type DoorApp, type DoorAppDeps, type Listener } from "./app.js";

let app: DoorApp | undefined;

function browserApp(): DoorApp {
  app ??= createDoorApp({
    db: new DoorlistDB(),
    fetch: (input, init) => globalThis.fetch(input, init),
    baseUrl: "",
    isOnline: () => (typeof navigator !== "undefined" ? navigator.onLine : true),
  });
  return app;
}

export function send<K extends HandlerName>(name: K, args: ArgsOf<K>): Promise<ResultOf<K>> {
  return browserApp().send(name, args);
}

export function subscribe(listener: Listener): () => void {
  return browserApp().subscribe(listener);
}

let stopSync: (() => void) | undefined;

/**
 * Starts automatic sync for this page: now, on `online`, when the page becomes visible, and every
 * 15 s while online, with backoff after failures. Call once when the app mounts; calling again
 * does nothing. Returns a stop function. Safe before enrollment: runs only once enrolled.
 */
export function startSync(): () => void {
  if (!stopSync) {
    const env: SchedulerEnv = {
      setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
      clearTimeout: (h) => globalThis.clearTimeout(h as ReturnType<typeof setTimeout>),
    };
    if (typeof window !== "undefined") env.network = window;
    if (typeof document !== "undefined") env.page = document;
    const stop = browserApp().startSync(env);
    stopSync = () => {
      stop();
      stopSync = undefined;
    };
  }
  return stopSync;
}
