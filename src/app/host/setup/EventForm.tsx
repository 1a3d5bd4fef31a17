import { useId, useState, type FormEvent } from "react";
import type { EventInfo } from "../../../sync/index.js";
import { host } from "../api/client.js";
import { fromLocalInput, toLocalInput } from "../ui/format.js";
import { useAction } from "../ui/useHost.js";

/**
 * Name, times and capacity: a new event when `event` is absent, an edit otherwise. Devices
 * learn an edit at their next sync; issued passes keep the windows signed into them.
 */
export function EventForm({ event, onDone, title }: { event?: EventInfo; onDone: (changed: EventInfo | null) => void; title?: string }) {
  const id = useId();
  const start = new Date();
  start.setMinutes(0, 0, 0);
  start.setHours(start.getHours() + 1);
  const [name, setName] = useState(event?.name ?? "");
  const [startsAt, setStartsAt] = useState(toLocalInput(event?.startsAt ?? start.getTime()));
  const [endsAt, setEndsAt] = useState(toLocalInput(event?.endsAt ?? start.getTime() + 4 * 3600_000));
  const [capacity, setCapacity] = useState(event?.capacity ? String(event.capacity) : "");
  const { busy, error, run, setError } = useAction();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const s = fromLocalInput(startsAt);
    const en = fromLocalInput(endsAt);
    const cap = capacity.trim() === "" ? null : Number(capacity);
    if (!name.trim()) return setError("Give the event a name.");
    if (s === null || en === null) return setError("Set when the event starts and ends.");
    if (en <= s) return setError("The end must be after the start.");
    if (cap !== null && (!Number.isInteger(cap) || cap < 1)) return setError("Capacity is a whole number of people, or empty for no limit.");
    const input = { name: name.trim(), startsAt: s, endsAt: en, capacity: cap };
    const saved = await run(() => (event ? host("events/update", { eventId: event.id, ...input }) : host("events/create", input)));
    if (saved) onDone(saved);
  };

  return (
    <form className="panel host-form" onSubmit={submit}>
      <h2>{title ?? (event ? "Edit the event" : "New event")}</h2>
      <div className="host-fields">
        <div>
          <label htmlFor={`${id}-name`}>Name</label>
          <input id={`${id}-name`} value={name} onChange={(e) => setName(e.target.value)} maxLength={200} required />
        </div>
        <div>
          <label htmlFor={`${id}-start`}>Starts</label>
          <input id={`${id}-start`} type="datetime-local" value={startsAt} onChange={(e) => setStartsAt(e.target.value)} required />
        </div>
        <div>
          <label htmlFor={`${id}-end`}>Ends</label>
          <input id={`${id}-end`} type="datetime-local" value={endsAt} onChange={(e) => setEndsAt(e.target.value)} required />
        </div>
        <div>
          <label htmlFor={`${id}-cap`}>Capacity (people inside at once)</label>
          <input id={`${id}-cap`} type="number" min={1} inputMode="numeric" value={capacity} onChange={(e) => setCapacity(e.target.value)} placeholder="no limit" />
        </div>
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div className="row">
        <button className="button" type="submit" disabled={busy}>
          {busy ? "Saving…" : event ? "Save" : "Create event"}
        </button>
        {event && (
          <button className="button secondary" type="button" onClick={() => onDone(null)}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
