import type { RefObject } from "react";
import type { EventInfo } from "../../../sync/index.js";
import { dateTime } from "../ui/format.js";
import { inPage } from "../ui/links.js";
import type { TabId } from "../ui/nav.js";
import { DemoButton } from "./DemoButton.js";
import { EventForm } from "./EventForm.js";

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
                  <a href={`/host?event=${e.id}&tab=setup`} onClick={(ev) => inPage(ev, () => onOpen(e))}>
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
      <EventForm title={events.length === 0 ? "Create your first event" : "New event"} onDone={(e) => e && onOpen(e, "setup")} />
      <DemoButton onCreated={(e) => onOpen(e, "roster")} />
    </>
  );
}
