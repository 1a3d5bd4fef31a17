import { useState } from "react";
import { host } from "../api/client.js";
import { dateTime, errorText } from "../ui/format.js";
import { useHostQuery } from "../ui/useHost.js";

type Filter = { passId: string } | { deviceId: string } | { ids: string[] };

/** A finding's "show the entries" toggle: the stored entries behind it, exactly as the report saw them. */
export function DrillDown({ eventId, filter, label }: { eventId: string; filter: Filter; label: string }) {
  const [open, setOpen] = useState(false);
  return (
    <div className="host-drill">
      <button className="link-button" type="button" aria-expanded={open} onClick={() => setOpen(!open)}>
        {open ? "Hide" : "Show"} entries<span className="visually-hidden"> of {label}</span>
      </button>
      {open && <Entries eventId={eventId} filter={filter} label={label} />}
    </div>
  );
}

function Entries({ eventId, filter, label }: { eventId: string; filter: Filter; label: string }) {
  const key = "passId" in filter ? filter.passId : "deviceId" in filter ? filter.deviceId : filter.ids.join(",");
  const q = useHostQuery(() => host("report/entries", { eventId, ...filter }), [eventId, key]);
  if (q.error !== null) return <p className="error">{errorText(q.error)}</p>;
  if (!q.data) return <p role="status">Loading entries…</p>;
  if (q.data.entries.length === 0) return <p className="muted">No entries stored.</p>;
  return (
    <div className="host-scroll">
      <table className="host-table host-small">
        <caption>Entries of {label}{q.data.more ? " (the first 500)" : ""}</caption>
        <thead>
          <tr>
            <th scope="col">Time (corrected)</th>
            <th scope="col">Device</th>
            <th scope="col" className="num">
              Seq
            </th>
            <th scope="col">Type</th>
            <th scope="col">Verdict</th>
            <th scope="col">Holder</th>
            <th scope="col">Note</th>
          </tr>
        </thead>
        <tbody>
          {q.data.entries.map((e) => {
            const verdict = typeof e.entry.data?.verdict === "string" ? e.entry.data.verdict : e.entry.type === "admit" ? "ADMIT" : "";
            const notes = [e.held && "held behind a gap", e.voided && "voided", typeof e.entry.data?.override === "string" && `override of ${e.entry.data.override}`, e.entry.data?.manual === true && "manual"].filter(Boolean);
            return (
              <tr key={e.entry.id}>
                <td>{dateTime(e.correctedAt)}</td>
                <td>{e.deviceLabel}</td>
                <td className="num">{e.entry.seq}</td>
                <td>{e.entry.type}</td>
                <td>{verdict}</td>
                <td>{e.holder ?? ""}</td>
                <td>{notes.join(", ")}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
