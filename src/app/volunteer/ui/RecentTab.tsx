import { useState } from "react";
import { send } from "../../commands/index.js";
import { clockTime, errorMessage } from "../../ui/format.js";
import type { RecentEntry } from "../types.js";
import { useCommand } from "./useCommand.js";
import { itemsText, METHOD_WORDS, money } from "./words.js";

/** This device's latest sales and pickups; a mistake is undone by a void with a reason, never deleted. */
export function RecentTab() {
  const recent = useCommand("volunteer/recent", { limit: 30 });
  if (recent === null) return <p className="muted">Loading…</p>;
  if (recent.length === 0) return <p className="panel">No sales or pickups on this device yet.</p>;
  return (
    <ul className="panel vol-list" aria-label="Recent sales and pickups">
      {recent.map((r) => (
        <RecentRow key={r.entryId} entry={r} />
      ))}
    </ul>
  );
}

function describe(r: RecentEntry): string {
  if (r.type === "sale") {
    const what = r.lines.map((l) => `${l.quantity} × ${l.name}`).join(", ");
    return `Sale: ${what} — ${money(r.totalCents)} ${r.method ? METHOD_WORDS[r.method].toLowerCase() : ""}`;
  }
  return `Pickup: ${itemsText(r.items)} for ${r.holder ?? r.passId ?? "a pass"}`;
}

function RecentRow({ entry }: { entry: RecentEntry }) {
  const [voiding, setVoiding] = useState(false);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = (): void => {
    setBusy(true);
    setError(null);
    send("volunteer/void", { entryId: entry.entryId, reason })
      .then(() => setVoiding(false))
      .catch((err: unknown) => setError(errorMessage(err)))
      .finally(() => setBusy(false));
  };
  return (
    <li data-entry={entry.entryId}>
      <div className="row spread">
        <span className={entry.voided ? "vol-voided" : ""}>
          <span className="muted">{clockTime(entry.at)}</span> {describe(entry)}
        </span>
        {!entry.voided && !voiding && (
          <button type="button" className="button small secondary" onClick={() => setVoiding(true)}>
            Void
          </button>
        )}
      </div>
      {entry.voided && <p className="muted">Voided{entry.voidReason ? `: ${entry.voidReason}` : ""}</p>}
      {voiding && (
        <form
          className="row"
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <label htmlFor={`reason-${entry.entryId}`} className="visually-hidden">
            Why void it?
          </label>
          <input id={`reason-${entry.entryId}`} value={reason} onChange={(e) => setReason(e.target.value)} placeholder="Why? (required)" maxLength={200} autoFocus />
          <button type="submit" className="button small danger" disabled={busy || reason.trim().length === 0}>
            Void it
          </button>
          <button type="button" className="button small secondary" onClick={() => setVoiding(false)}>
            Keep
          </button>
        </form>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}
