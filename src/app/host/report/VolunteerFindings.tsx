import type { ReportView } from "../api/types.js";
import { dateTime, money } from "../ui/format.js";
import { DrillDown } from "./DrillDown.js";
import { Finding } from "./Finding.js";

const CASH_WORDS = { balanced: "balanced", short: "short", over: "over", not_counted: "not counted" } as const;

/** Sales, stock, pickups, cash drawers and voids: the volunteer tables' side of the reconciliation. */
export function VolunteerFindings({ eventId, report }: { eventId: string; report: ReportView }) {
  const oversold = report.oversold ?? [];
  const pickups = report.duplicatePickups ?? [];
  const cashOff = (report.cash ?? []).filter((c) => c.status !== "balanced");
  const voids = report.voids ?? [];
  return (
    <>
      {report.oversold && (
        <Finding title="Items sold beyond their stock" count={oversold.length} good="No item sold more than its stock.">
          <ul className="host-list">
            {oversold.map((o) => (
              <li key={o.sku}>
                <strong>{o.name ?? o.sku}</strong> — {o.sold} sold of {o.stock} in stock ({o.oversoldBy} too many):{" "}
                {o.devices.map((d) => `${d.deviceLabel} ${d.quantity}`).join(", ")}
                <DrillDown eventId={eventId} filter={{ ids: o.sales.slice(0, 300).map((s) => s.entryId) }} label={`sales of ${o.name ?? o.sku}`} />
              </li>
            ))}
          </ul>
        </Finding>
      )}
      {report.duplicatePickups && (
        <Finding title="Pickups beyond the entitlement" count={pickups.length} good="Nobody picked up more than their pass entitles.">
          <ul className="host-list">
            {pickups.map((p) => (
              <li key={`${p.passId}-${p.entitlement}`}>
                <strong>{p.holder ?? p.passId}</strong> — {p.taken}× {p.entitlement} of {p.entitled} entitled
                {p.acrossDevices ? ", at different tables" : ""}
                <DrillDown eventId={eventId} filter={{ passId: p.passId }} label={`pass ${p.holder ?? p.passId}`} />
              </li>
            ))}
          </ul>
        </Finding>
      )}
      {report.cash && (
        <Finding title="Cash drawers that do not balance" count={cashOff.length} good="Every counted drawer matched its cash sales.">
          <ul className="host-list">
            {cashOff.map((c) => (
              <li key={`${c.deviceId}-${c.shift}`}>
                <strong>
                  {c.deviceLabel}, {c.shift}
                </strong>{" "}
                — {CASH_WORDS[c.status]}: expected {money(c.expectedCents)} from {c.cashSales} cash sale{c.cashSales === 1 ? "" : "s"}
                {c.countedCents !== null ? `, counted ${money(c.countedCents)} at ${dateTime(c.countedAt)} (${c.differenceCents! >= 0 ? "+" : ""}${money(c.differenceCents!)})` : ", never counted"}
                {!c.complete && "; some of this device's entries have not arrived yet, so the expected amount may still change"}
                <DrillDown eventId={eventId} filter={{ deviceId: c.deviceId }} label={`device ${c.deviceLabel}`} />
              </li>
            ))}
          </ul>
        </Finding>
      )}
      {report.voids && (
        <Finding title="Voided entries" count={voids.length} good="Nothing was voided.">
          <ul className="host-list">
            {voids.map((v) => (
              <li key={v.entryId}>
                <strong>{v.deviceLabel}</strong> at {dateTime(v.correctedAt)}: “{v.reason}” —{" "}
                {v.target ? `cancelled a ${v.target.type}${v.target.totalCents !== null ? ` of ${money(v.target.totalCents)}` : ""}` : "the entry it cancels has not arrived"}
                {v.repeated ? " (already voided before)" : ""}
                <DrillDown eventId={eventId} filter={{ ids: [v.entryId, v.voids] }} label={`void ${v.entryId}`} />
              </li>
            ))}
          </ul>
        </Finding>
      )}
      {report.sales && report.sales.byItem.length > 0 && (
        <section className="panel">
          <h2>Sales by item</h2>
          <p>
            {report.sales.count} sales, {money(report.sales.totalCents)}; {report.sales.voidedCount} voided sales left out.
          </p>
          <table className="host-table">
            <thead>
              <tr>
                <th scope="col">Item</th>
                <th scope="col" className="num">
                  Units
                </th>
                <th scope="col" className="num">
                  Charged
                </th>
              </tr>
            </thead>
            <tbody>
              {report.sales.byItem.map((i) => (
                <tr key={i.sku}>
                  <th scope="row">{i.name ?? i.sku}</th>
                  <td className="num">{i.quantity}</td>
                  <td className="num">{money(i.totalCents)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </>
  );
}
