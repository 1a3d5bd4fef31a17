import { useId } from "react";
import type { EventInfo } from "../../../sync/index.js";
import type { LiveView } from "../../../sync/host.js";
import { host } from "../api/client.js";
import { ago, clock, errorText, money, percent } from "../ui/format.js";
import { useHostQuery } from "../ui/useHost.js";
import { ArrivalsChart } from "./ArrivalsChart.js";

const POLL_MS = 5000;
const BUCKET_MS = 5 * 60 * 1000;

/** What is happening now, from what devices have synced; refreshes itself every few seconds while open. */
export function LiveTab({ event }: { event: EventInfo }) {
  const live = useHostQuery(() => host("live/get", { eventId: event.id }), [event.id], POLL_MS);
  if (!live.data) {
    return live.error !== null ? <p className="error" role="alert">{errorText(live.error)}</p> : <p role="status">Loading…</p>;
  }
  const v = live.data;
  return (
    <>
      <p className="muted host-small">
        As synced by the devices; updated {clock(v.serverTime)}, every {POLL_MS / 1000} seconds while this page is open.
        {live.error !== null && <span className="error"> Last refresh failed: {errorText(live.error)}</span>}
      </p>
      <Tiles v={v} />
      <div className="host-grid">
        <section className="panel">
          <h2>Arrivals</h2>
          <ArrivalsChart arrivals={v.arrivals} bucketMs={BUCKET_MS} />
        </section>
        <ByTier v={v} />
        <Devices v={v} />
        <Sales v={v} />
      </div>
    </>
  );
}

function Tiles({ v }: { v: LiveView }) {
  const near = v.capacity !== null && v.insideNow >= v.capacity * 0.9;
  return (
    <dl className="host-tiles">
      <div>
        <dt>Admitted</dt>
        <dd data-testid="live-admitted">{v.admitted}</dd>
      </div>
      <div className={near ? "host-tile-warn" : undefined}>
        <dt>Inside now</dt>
        <dd data-testid="live-inside">
          {v.insideNow}
          {v.capacity !== null && <span className="host-of">of {v.capacity} capacity</span>}
        </dd>
      </div>
      <div>
        <dt>Show-up</dt>
        <dd>
          {percent(v.admitted, v.passesIssued - v.passesRevoked)}
          <span className="host-of">{v.admitted} of {v.passesIssued - v.passesRevoked} valid passes</span>
        </dd>
      </div>
      <div>
        <dt>Turned away</dt>
        <dd>{v.denies}</dd>
      </div>
      <div>
        <dt>Sales</dt>
        <dd>
          {money(v.sales.totalCents)}
          <span className="host-of">in {v.sales.count} sale{v.sales.count === 1 ? "" : "s"}</span>
        </dd>
      </div>
    </dl>
  );
}

function ByTier({ v }: { v: LiveView }) {
  const id = useId();
  return (
    <section className="panel" aria-labelledby={id}>
      <h2 id={id}>By tier</h2>
      <table className="host-table">
        <thead>
          <tr>
            <th scope="col">Tier</th>
            <th scope="col" className="num">
              Issued
            </th>
            <th scope="col" className="num">
              Admitted
            </th>
            <th scope="col" className="num">
              Inside
            </th>
          </tr>
        </thead>
        <tbody>
          {v.byTier.map((t) => (
            <tr key={t.tier}>
              <th scope="row">{t.tier}</th>
              <td className="num">{t.issued}</td>
              <td className="num">{t.admitted}</td>
              <td className="num">{t.inside}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function Devices({ v }: { v: LiveView }) {
  const id = useId();
  return (
    <section className="panel" aria-labelledby={id}>
      <h2 id={id}>Devices</h2>
      {v.devices.length === 0 ? (
        <p className="muted">No devices yet.</p>
      ) : (
        <div className="host-scroll">
          <table className="host-table">
            <thead>
              <tr>
                <th scope="col">Device</th>
                <th scope="col">Last sync</th>
                <th scope="col" className="num">
                  In
                </th>
                <th scope="col" className="num">
                  Out
                </th>
                <th scope="col" className="num">
                  Denied
                </th>
                <th scope="col" className="num">
                  Sales
                </th>
                <th scope="col" className="num">
                  Pickups
                </th>
              </tr>
            </thead>
            <tbody>
              {v.devices.map((d) => (
                <tr key={d.id}>
                  <th scope="row">
                    {d.label} <span className="muted host-small">{d.role}</span>
                  </th>
                  <td>{ago(d.lastSyncAt, v.serverTime)}</td>
                  <td className="num">{d.admits}</td>
                  <td className="num">{d.exits}</td>
                  <td className="num">{d.denies}</td>
                  <td className="num">{d.sales}</td>
                  <td className="num">{d.pickups}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function Sales({ v }: { v: LiveView }) {
  const id = useId();
  const items = v.sales.items.filter((i) => i.quantity > 0 || i.stock !== null);
  return (
    <section className="panel" aria-labelledby={id}>
      <h2 id={id}>Sales and pickups</h2>
      <p>
        {money(v.sales.totalCents)} in {v.sales.count} sale{v.sales.count === 1 ? "" : "s"}
        {Object.entries(v.sales.byMethod).length > 0 && <> ({Object.entries(v.sales.byMethod).map(([m, s]) => `${m} ${money(s.totalCents)}`).join(", ")})</>}
        ; {v.pickups.redeemed} of {v.pickups.entitled} entitled items picked up
        {v.pickups.items > v.pickups.redeemed && <> (and {v.pickups.items - v.pickups.redeemed} beyond an entitlement)</>}.
      </p>
      {items.length > 0 && (
        <table className="host-table">
          <thead>
            <tr>
              <th scope="col">Item</th>
              <th scope="col" className="num">
                Sold
              </th>
              <th scope="col" className="num">
                Stock
              </th>
              <th scope="col" className="num">
                Takings
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((i) => (
              <tr key={i.sku} className={i.stock !== null && i.quantity > i.stock ? "host-warn" : undefined}>
                <th scope="row">{i.name ?? i.sku}</th>
                <td className="num">{i.quantity}</td>
                <td className="num">{i.stock ?? "—"}</td>
                <td className="num">{money(i.totalCents)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
