import { applyUpdate } from "../pwa.js";
import { useUi } from "../store.js";

/**
 * A new version is ready. It never installs itself under someone mid-scan: the page reloads
 * only when the person taps Update.
 */
export function UpdatePrompt() {
  const ready = useUi((s) => s.updateReady);
  const dismiss = useUi((s) => s.setUpdateReady);
  if (!ready) return null;
  return (
    <div className="update-prompt" role="status">
      <span>A new version of Doorlist is ready.</span>
      <button type="button" className="button small" onClick={applyUpdate}>
        Update
      </button>
      <button type="button" className="link-button" onClick={() => dismiss(false)}>
        Later
      </button>
    </div>
  );
}
