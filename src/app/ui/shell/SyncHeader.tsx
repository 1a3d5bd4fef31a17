import { useState } from "react";
import { send } from "../../commands/index.js";
import { clockTime, errorMessage } from "../format.js";
import { useUi } from "../store.js";

/**
 * Always on the door screen: whether the device is online, how many entries wait for the
 * server, when it last synced, and a button to sync now. Sync never blocks scanning, so the
 * button only disables itself.
 */
export function SyncHeader({ title }: { title: string }) {
  const sync = useUi((s) => s.sync);
  const setSync = useUi((s) => s.setSync);
  const setNotice = useUi((s) => s.setNotice);
  const navigate = useUi((s) => s.navigate);
  const [asked, setAsked] = useState(false);
  const online = sync?.online ?? navigator.onLine;
  const syncing = asked || (sync?.syncing ?? false);

  const syncNow = (): void => {
    setAsked(true);
    send("sync/now", undefined)
      .then((status) => {
        setSync(status);
        if (status.lastError) setNotice(`Sync failed: ${status.lastError}`);
      })
      .catch((err: unknown) => setNotice(`Sync failed: ${errorMessage(err)}`))
      .finally(() => setAsked(false));
  };

  return (
    <header className="sync-header">
      <div className="sync-title">
        <span className="device-name">{title}</span>
        <button type="button" className="link-button" onClick={() => navigate("/settings")}>
          Settings
        </button>
      </div>
      <div className="sync-facts" data-testid="sync-status">
        <span className={`pill ${online ? "pill-online" : "pill-offline"}`} data-testid="online-state">
          {online ? "Online" : "Offline"}
        </span>
        <span className="fact">
          <span data-testid="pending-count">{sync ? sync.pending : "…"}</span> pending
        </span>
        <span className="fact">
          Last sync: <span data-testid="last-sync">{sync?.lastSyncAt ? clockTime(sync.lastSyncAt) : "never"}</span>
        </span>
        {sync?.lastError && !syncing && (
          <span className="fact sync-error" title={sync.lastError} data-testid="sync-error">
            Last sync failed
          </span>
        )}
        <button type="button" className="button small" onClick={syncNow} disabled={syncing || !online} aria-busy={syncing}>
          {syncing ? "Syncing…" : "Sync"}
        </button>
      </div>
    </header>
  );
}
