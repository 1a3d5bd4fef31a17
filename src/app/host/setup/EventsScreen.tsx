import { useId, useState, type FormEvent, type RefObject } from "react";
import type { EventInfo } from "../../../sync/index.js";
import { host } from "../api/client.js";
import { dateTime, fromLocalInput, toLocalInput } from "../ui/format.js";
import type { TabId } from "../ui/nav.js";
import { useAction } from "../ui/useHost.js";
import { DemoButton } from "./DemoButton.js";

interface Props {
  headingRef: RefObject<HTMLHeadingElement | null>;
  events: EventInfo[];
  /** an event id from the URL that this server does not know */
  missing: string | null;
  onOpen: (e: EventInfo, tab?: TabId) => void;
}

export function EventsScreen({ headingRef, events, missing, onOpen }: Props) {
  return (
    <>
      <h1 ref={headingRef} tabIndex={-1}>
        Events
      </h1>
      {missing && (
        <p className="error" role="alert">
          There is no event {missing} on this server. Pick one below or create one.
        </p>
      )}
      {events.length > 0 && (
        <table className="host-table">
          <caption className="visually-hidden">Your events</caption>
          <thead>
            <tr>
              <th scope="col">Event</th>
              <th scope="col">Starts</th>
              <th scope="col">Ends</th>
              <th scope="col">Capacity</th>
            </tr>
          </thead>
          <tbody>
            {events.map((e) => (
              <tr key={e.id}>
                <th scope="row">
                  <a href={`/host?event=${e.id}&tab=setup`} onClick={(ev) => (ev.preventDefault(), onOpen(e))}>
                    {e.name}
                  </a>
                </th>
                <td>{dateTime(e.startsAt)}</td>
                <td>{dateTime(e.endsAt)}</td>
                <td>{e.capacity ?? "no limit"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <NewEventForm onCreated={(e) => onOpen(e, "setup")} first={events.length === 0} />
      <DemoButton onCreated={(e) => onOpen(e, "roster")} />
    </>
  );
}

function NewEventForm({ onCreated, first }: { onCreated: (e: EventInfo) => void; first: boolean }) {
  const id = useId();
  const start = new Date();
  start.setMinutes(0, 0, 0);
  start.setHours(start.getHours() + 1);
  const [name, setName] = useState("");
  const [startsAt, setStartsAt] = useState(toLocalInput(start.getTime()));
  const [endsAt, setEndsAt] = useState(toLocalInput(start.getTime() + 4 * 3600_000));
  const [capacity, setCapacity] = useState("");
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
    const created = await run(() => host("events/create", { name: name.trim(), startsAt: s, endsAt: en, capacity: cap }));
    if (created) onCreated(created);
  };

  return (
    <form className="panel host-form" onSubmit={submit}>
      <h2>{first ? "Create your first event" : "New event"}</h2>
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
      <button className="button" type="submit" disabled={busy}>
        {busy ? "Creating…" : "Create event"}
      </button>
    </form>
  );
}
