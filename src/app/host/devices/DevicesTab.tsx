import { useId, useState } from "react";
import type { EventInfo } from "../../../sync/index.js";
import { host } from "../api/client.js";
import type { DeviceInfo } from "../api/types.js";
import { ago, dateTime, errorText, offsetWords } from "../ui/format.js";
import { useAction, useHostQuery } from "../ui/useHost.js";
import { EnrollmentMaker } from "./EnrollmentMaker.js";
import { gapWords } from "./gaps.js";

const POLL_MS = 10_000;

export function DevicesTab({ event }: { event: EventInfo }) {
  const devices = useHostQuery(() => host("devices/list", { eventId: event.id }), [event.id], POLL_MS);
  const id = useId();
  const now = devices.at ?? Date.now();
  return (
    <>
      <EnrollmentMaker event={event} onMade={devices.reload} />
      <section className="panel" aria-labelledby={`${id}-title`}>
        <h2 id={`${id}-title`}>Devices</h2>
        {devices.error !== null && <p className="error">{errorText(devices.error)}</p>}
        {devices.data?.length === 0 && <p className="muted">No device has enrolled yet.</p>}
        {devices.data && devices.data.length > 0 && (
          <div className="host-scroll">
            <table className="host-table">
              <caption className="visually-hidden">Enrolled devices; refreshed every {POLL_MS / 1000} seconds</caption>
              <thead>
                <tr>
                  <th scope="col">Device</th>
                  <th scope="col">Role</th>
                  <th scope="col">Last sync</th>
                  <th scope="col" className="num">
                    Entries in the log
                  </th>
                  <th scope="col">Missing</th>
                  <th scope="col">Clock</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {devices.data.map((d) => (
                  <DeviceRow key={d.id} device={d} now={now} eventId={event.id} onChanged={devices.reload} />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}

function DeviceRow({ device: d, now, eventId, onChanged }: { device: DeviceInfo; now: number; eventId: string; onChanged: () => void }) {
  const [confirming, setConfirming] = useState(false);
  const { busy, error, run } = useAction();
  const revoke = async () => {
    const done = await run(async () => {
      await host("devices/revoke", { eventId, deviceId: d.id });
      return true;
    });
    if (done) {
      setConfirming(false);
      onChanged();
    }
  };
  const gaps = gapWords(d);
  return (
    <tr className={d.revokedAt !== null ? "host-revoked" : undefined}>
      <th scope="row">
        {d.label}
        <div className="muted host-small">
          <code>{d.id}</code>
        </div>
      </th>
      <td>{d.role}</td>
      <td title={d.lastSyncAt !== null ? dateTime(d.lastSyncAt) : undefined}>{ago(d.lastSyncAt, now)}</td>
      <td className="num">{d.ackedThroughSeq}</td>
      <td className={gaps === "nothing" ? "muted" : "host-warn"}>{gaps}</td>
      <td className={d.clockOffsetMs !== null && Math.abs(d.clockOffsetMs) > 120_000 ? "host-warn" : undefined}>{offsetWords(d.clockOffsetMs)}</td>
      <td className="host-actions">
        {d.revokedAt !== null ? (
          <span>Revoked {dateTime(d.revokedAt)}</span>
        ) : confirming ? (
          <>
            <span>Its token stops working at once; what it already sent stays.</span>
            <button className="button danger small" type="button" disabled={busy} onClick={() => void revoke()}>
              Revoke {d.label}
            </button>
            <button className="button secondary small" type="button" onClick={() => setConfirming(false)}>
              Keep it
            </button>
          </>
        ) : (
          <button className="button secondary small" type="button" onClick={() => setConfirming(true)}>
            Revoke<span className="visually-hidden"> {d.label}</span>
          </button>
        )}
        {error && (
          <span className="error" role="alert">
            {errorText(error)}
          </span>
        )}
      </td>
    </tr>
  );
}
