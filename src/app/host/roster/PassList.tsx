import { useEffect, useId, useState } from "react";
import type { EventInfo } from "../../../sync/index.js";
import type { PassListItem } from "../../../sync/host.js";
import { holderPath } from "../../holder/link.js";
import { host } from "../api/client.js";
import { dateTime, errorText } from "../ui/format.js";
import { useHostQuery } from "../ui/useHost.js";
import { PassDialog } from "./PassDialog.js";

const PAGE = 50;

export function PassList({ event, version, onPrint }: { event: EventInfo; version: number; onPrint: (q: string) => void }) {
  const [q, setQ] = useState("");
  const [query, setQuery] = useState("");
  const [offset, setOffset] = useState(0);
  const [open, setOpen] = useState<PassListItem | null>(null);
  const list = useHostQuery(() => host("passes/list", { eventId: event.id, offset, limit: PAGE, q: query }), [event.id, offset, query, version]);
  const id = useId();

  // Search as the host types, but not on every keystroke.
  useEffect(() => {
    const t = window.setTimeout(() => {
      setOffset(0);
      setQuery(q.trim());
    }, 250);
    return () => window.clearTimeout(t);
  }, [q]);

  const total = list.data?.total ?? 0;
  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <div className="row spread">
        <h2 id={`${id}-title`}>Passes</h2>
        <button className="button secondary small" type="button" onClick={() => onPrint(query)} disabled={total === 0}>
          Print {query ? "these" : "all"} passes
        </button>
      </div>
      <label htmlFor={`${id}-q`}>Find a pass by name, tier or pass id</label>
      <input id={`${id}-q`} type="search" value={q} onChange={(e) => setQ(e.target.value)} />
      {list.error !== null && <p className="error">{errorText(list.error)}</p>}
      <p role="status" className="muted">
        {list.data ? (total === 0 ? (query ? "No pass matches." : "No passes yet: import a guest list above.") : `${total} pass${total === 1 ? "" : "es"}${query ? " match" : ""}.`) : "Loading passes…"}
      </p>
      {list.data && list.data.passes.length > 0 && (
        <table className="host-table">
          <caption className="visually-hidden">Passes, {offset + 1} to {offset + list.data.passes.length} of {total}</caption>
          <thead>
            <tr>
              <th scope="col">Holder</th>
              <th scope="col">Tier</th>
              <th scope="col">Status</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.data.passes.map((p) => (
              <tr key={p.id} className={p.revokedAt !== null ? "host-revoked" : undefined}>
                <th scope="row">
                  {p.holder}
                  <div className="muted host-small">
                    <code>{p.id}</code>
                  </div>
                </th>
                <td>{p.tier}</td>
                <td>
                  {p.revokedAt !== null ? (
                    <>
                      <strong>Revoked</strong> {dateTime(p.revokedAt)}
                      {p.revokeReason ? `: ${p.revokeReason}` : ""}
                    </>
                  ) : p.admittedAt !== null ? (
                    <>Came in {dateTime(p.admittedAt)}</>
                  ) : (
                    <span className="muted">Not in yet</span>
                  )}
                </td>
                <td className="host-actions">
                  <button className="button secondary small" type="button" onClick={() => setOpen(p)}>
                    Open<span className="visually-hidden"> pass of {p.holder}</span>
                  </button>
                  <a className="host-small" href={holderPath(p.id, p.code)} target="_blank" rel="noopener">
                    Holder page<span className="visually-hidden"> of {p.holder}</span>
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {total > PAGE && (
        <nav className="row" aria-label="Pages of passes">
          <button className="button secondary small" type="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
            Previous
          </button>
          <span>
            {offset + 1}–{Math.min(offset + PAGE, total)} of {total}
          </span>
          <button className="button secondary small" type="button" disabled={offset + PAGE >= total} onClick={() => setOffset(offset + PAGE)}>
            Next
          </button>
        </nav>
      )}
      {open && (
        <PassDialog
          event={event}
          pass={open}
          onClose={(changed) => {
            setOpen(null);
            if (changed) list.reload();
          }}
        />
      )}
    </section>
  );
}
