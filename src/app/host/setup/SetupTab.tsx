import { useState } from "react";
import type { EventInfo } from "../../../sync/index.js";
import { dateTime } from "../ui/format.js";
import { EventForm } from "./EventForm.js";
import { ItemsEditor } from "./ItemsEditor.js";
import { TiersEditor } from "./TiersEditor.js";

export function SetupTab({ event, onEventChanged }: { event: EventInfo; onEventChanged: (e: EventInfo) => void }) {
  const [editing, setEditing] = useState(false);
  return (
    <>
      {editing ? (
        <EventForm
          event={event}
          onDone={(changed) => {
            setEditing(false);
            if (changed) onEventChanged(changed);
          }}
        />
      ) : (
        <div className="panel row spread">
          <dl className="host-facts">
            <div>
              <dt>Event</dt>
              <dd>{event.name}</dd>
            </div>
            <div>
              <dt>Starts</dt>
              <dd>{dateTime(event.startsAt)}</dd>
            </div>
            <div>
              <dt>Ends</dt>
              <dd>{dateTime(event.endsAt)}</dd>
            </div>
            <div>
              <dt>Capacity</dt>
              <dd>{event.capacity ?? "no limit"}</dd>
            </div>
            <div>
              <dt>Event id</dt>
              <dd>
                <code>{event.id}</code>
              </dd>
            </div>
          </dl>
          <button className="button secondary small" type="button" onClick={() => setEditing(true)}>
            Edit the event
          </button>
        </div>
      )}
      <TiersEditor eventId={event.id} />
      <ItemsEditor eventId={event.id} />
    </>
  );
}
