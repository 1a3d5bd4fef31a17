/**
 * Start-up: load who this device is, follow the commands layer's events into the UI store, and
 * keep the route in step with the browser's back button.
 */
import { send, startSync, subscribe } from "../commands/index.js";
import { unlockAudioOnFirstGesture } from "./door/feedback.js";
import { errorMessage } from "./format.js";
import { useUi } from "./store.js";

export async function bootstrap(): Promise<void> {
  const ui = useUi.getState();
  window.addEventListener("popstate", () => useUi.getState().syncFromLocation());
  unlockAudioOnFirstGesture();
  subscribe((event) => {
    const state = useUi.getState();
    switch (event.type) {
      case "sync-status":
        state.setSync(event.status);
        break;
      case "roster-progress":
        state.setRosterProgress(event.progress);
        break;
      case "data-changed":
        state.bumpData();
        break;
    }
  });
  try {
    const loaded = await send("device/get", undefined);
    if (loaded) {
      ui.setIdentity({ status: "enrolled", device: loaded.device, event: loaded.event });
      startSync();
    } else {
      ui.setIdentity({ status: "none" });
    }
  } catch (err) {
    // The local database could not be opened (private mode, storage blocked): say so, and let
    // the welcome screen explain enrollment rather than leave a blank page.
    ui.setIdentity({ status: "none" });
    ui.setNotice(`This device's storage could not be opened: ${errorMessage(err)}`);
  }
  try {
    useUi.getState().setSync(await send("sync/status", undefined));
  } catch {
    // The header shows "…" until the first status event arrives.
  }
}
