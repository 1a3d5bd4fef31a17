import type { EventInfo } from "../../../sync/index.js";
import { dateTime } from "../ui/format.js";
import { ItemsEditor } from "./ItemsEditor.js";
import { TiersEditor } from "./TiersEditor.js";

export function SetupTab({ event }: { event: EventInfo }) {
  return (
    <>
      <dl className="panel host-facts">
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
      <TiersEditor eventId={event.id} />
      <ItemsEditor eventId={event.id} />
    </>
  );
}
