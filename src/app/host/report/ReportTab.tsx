import type { EventInfo } from "../../../sync/index.js";
import { host } from "../api/client.js";
import { dateTime, errorText, money, percent } from "../ui/format.js";
import { useHostQuery } from "../ui/useHost.js";
import { Exports } from "./Exports.js";
import { Findings } from "./Findings.js";

/** After the event: is the log complete, what does not add up, and the figures a host reports on. */
export function ReportTab({ event }: { event: EventInfo }) {
  const report = useHostQuery(() => host("report/get", { eventId: event.id }), [event.id]);
  const live = useHostQuery(() => host("live/get", { eventId: event.id }), [event.id]);
  const reload = () => {
    report.reload();
    live.reload();
  };
  return (
    <>
      <div className="row">
        <button className="button secondary small" type="button" onClick={reload} disabled={report.loading}>
          {report.loading ? "Refreshing…" : "Refresh"}
        </button>
        <Exports eventId={event.id} />
      </div>
      {report.error !== null && (
        <p className="error" role="alert">
          {errorText(report.error)}
        </p>
      )}
      {report.data && (
        <>
          <p className={report.data.complete ? "host-ok" : "host-warn-banner"} role="status">
            {report.data.complete
              ? `Complete: every enrolled device has synced and no entry is waiting behind a gap (as of ${dateTime(report.data.generatedAt)}).`
              : "Not complete: some devices have not synced everything yet. The figures below are what has arrived; see the findings."}
          </p>
          {live.data && (
            <dl className="host-tiles">
              <div>
                <dt>Show-up rate</dt>
                <dd>
                  {percent(live.data.admitted, live.data.passesIssued - live.data.passesRevoked)}
                  <span className="host-of">
                    {" "}
                    {live.data.admitted} of {live.data.passesIssued - live.data.passesRevoked} valid passes
                  </span>
                </dd>
              </div>
              <div>
                <dt>Pickups redeemed</dt>
                <dd>
                  {percent(live.data.pickups.redeemed, live.data.pickups.entitled)}
                  <span className="host-of">
                    {" "}
                    {live.data.pickups.redeemed} of {live.data.pickups.entitled} entitled
                  </span>
                </dd>
              </div>
              <div>
                <dt>Sales per attendee</dt>
                <dd>{live.data.admitted > 0 ? money(Math.round(live.data.sales.totalCents / live.data.admitted)) : "—"}</dd>
              </div>
              <div>
                <dt>Revoked passes</dt>
                <dd>{live.data.passesRevoked}</dd>
              </div>
            </dl>
          )}
          <Findings eventId={event.id} report={report.data} />
        </>
      )}
    </>
  );
}
