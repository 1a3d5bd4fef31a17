/**
 * Service worker registration. registerType is "prompt": a new version waits until the person
 * taps Update, then this page (and only the page whose person tapped) reloads. Other tabs keep
 * running the old version until they are reloaded, so nobody is interrupted mid-scan.
 */
import { registerSW } from "virtual:pwa-register";
import { useUi } from "./store.js";

// Look for a new version now and then while the app stays open all evening.
const UPDATE_CHECK_MS = 30 * 60 * 1000;

let updateSW: ((reloadPage?: boolean) => Promise<void>) | null = null;
let updateRequested = false;

export function registerServiceWorker(): void {
  if (!("serviceWorker" in navigator)) return;
  // With clientsClaim the very first install also fires controllerchange (no controller →
  // this one): only an update this person asked for may reload the page.
  navigator.serviceWorker.addEventListener("controllerchange", () => {
    if (updateRequested) window.location.reload();
  });
  updateSW = registerSW({
    immediate: true,
    onNeedRefresh: () => useUi.getState().setUpdateReady(true),
    // The plugin would reload here on its own, also in a tab whose person did not tap Update.
    onNeedReload: () => {
      if (updateRequested) window.location.reload();
      else useUi.getState().setUpdateReady(true);
    },
    onRegisteredSW: (_url, registration) => {
      if (!registration) return;
      window.setInterval(() => {
        if (navigator.onLine) void registration.update().catch(() => undefined);
      }, UPDATE_CHECK_MS);
    },
    onRegisterError: (err: unknown) => console.warn("Doorlist: service worker registration failed", err),
  });
}

/** The person tapped Update: activate the waiting worker; controllerchange then reloads. */
export function applyUpdate(): void {
  updateRequested = true;
  useUi.getState().setUpdateReady(false);
  if (updateSW) void updateSW(true);
  else window.location.reload();
  // If the new worker already controls this page (another tab activated it), there is no
  // controllerchange to wait for.
  void navigator.serviceWorker?.getRegistration().then((r) => {
    if (r && !r.waiting && r.active && navigator.serviceWorker.controller === r.active) window.location.reload();
  });
}
