import { useCallback, useEffect, useRef, useState, type RefObject } from "react";
import type { EventInfo } from "../../../sync/index.js";
import { host } from "../api/client.js";
import { HostApiError } from "../api/errors.js";
import { DevicesTab } from "../devices/DevicesTab.js";
import { LiveTab } from "../live/LiveTab.js";
import { ReportTab } from "../report/ReportTab.js";
import { RosterTab } from "../roster/RosterTab.js";
import { EventsScreen } from "../setup/EventsScreen.js";
import { SetupTab } from "../setup/SetupTab.js";
import { errorText } from "./format.js";
import { inPage } from "./links.js";
import { placeUrl, readPlace, TABS, type Place } from "./nav.js";
import { useHostQuery } from "./useHost.js";

/** Signed in: the event list, or one event's tabs. */
export function Console({ onSignOut }: { onSignOut: (message: string | null) => void }) {
  const [place, setPlace] = useState<Place>(() => readPlace(window.location.search));
  const events = useHostQuery(() => host("events/list", undefined), []);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    const onPop = () => setPlace(readPlace(window.location.search));
    window.addEventListener("popstate", onPop);
    return () => window.removeEventListener("popstate", onPop);
  }, []);

  useEffect(() => {
    if (events.error instanceof HostApiError && events.error.status === 401) onSignOut(events.error.message);
  }, [events.error, onSignOut]);

  const go = useCallback((next: Place) => {
    window.history.pushState(null, "", placeUrl(next));
    setPlace(next);
    // Move focus to the new heading, so keyboard and screen-reader users land on what changed.
    window.requestAnimationFrame(() => heading.current?.focus());
  }, []);

  // An event just made or edited here, shown at once while the list reloads behind it.
  const [fresh, setFresh] = useState<EventInfo | null>(null);
  const listed = events.data?.find((e) => e.id === place.eventId) ?? null;
  const event = fresh && fresh.id === place.eventId && (!listed || events.loading) ? fresh : listed;

  return (
    <div className="host">
      <header className="host-header">
        <a className="host-brand" href="/host" onClick={(e) => inPage(e, () => go({ eventId: null, tab: "setup" }))}>
          Doorlist host
        </a>
        {event && <span className="host-event-name">{event.name}</span>}
        <button className="link-button" type="button" onClick={() => onSignOut(null)}>
          Sign out
        </button>
      </header>
      {event && (
        <nav className="host-tabs" aria-label="Event sections">
          {TABS.map((t) => (
            <a
              key={t.id}
              href={placeUrl({ eventId: event.id, tab: t.id })}
              aria-current={place.tab === t.id ? "page" : undefined}
              onClick={(e) => inPage(e, () => go({ eventId: event.id, tab: t.id }))}
            >
              {t.label}
            </a>
          ))}
        </nav>
      )}
      <main className="host-main">
        {events.error !== null && !events.data ? (
          <p className="error" role="alert">
            {errorText(events.error)}{" "}
            <button className="link-button" type="button" onClick={events.reload}>
              Try again
            </button>
          </p>
        ) : !events.data ? (
          <p role="status">Loading events…</p>
        ) : !event ? (
          <EventsScreen
            headingRef={heading}
            events={events.data}
            missing={place.eventId}
            onOpen={(e: EventInfo, tab = "setup") => {
              setFresh(e);
              events.reload();
              go({ eventId: e.id, tab });
            }}
          />
        ) : (
          <EventTab place={place} event={event} headingRef={heading} onEventChanged={(e) => {
              setFresh(e);
              events.reload();
            }}
          />
        )}
      </main>
    </div>
  );
}

interface EventTabProps {
  place: Place;
  event: EventInfo;
  headingRef: RefObject<HTMLHeadingElement | null>;
  onEventChanged: (e: EventInfo) => void;
}

function EventTab({ place, event, headingRef, onEventChanged }: EventTabProps) {
  const title = TABS.find((t) => t.id === place.tab)!.label;
  return (
    <section aria-labelledby="host-tab-title">
      <h1 id="host-tab-title" ref={headingRef} tabIndex={-1}>
        {title}
      </h1>
      {place.tab === "setup" && <SetupTab event={event} onEventChanged={onEventChanged} />}
      {place.tab === "roster" && <RosterTab event={event} />}
      {place.tab === "devices" && <DevicesTab event={event} />}
      {place.tab === "live" && <LiveTab event={event} />}
      {place.tab === "report" && <ReportTab event={event} />}
    </section>
  );
}
