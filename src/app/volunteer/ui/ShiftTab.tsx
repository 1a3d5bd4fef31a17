import { useState } from "react";
import { send } from "../../commands/index.js";
import { clockTime, errorMessage } from "../../ui/format.js";
import type { ClosedShift, ShiftCloseOutcome } from "../types.js";
import { useCommand } from "./useCommand.js";
import { money, parseMoney } from "./words.js";

/** Count the drawer, enter it beside what the device expects, close the shift; the next one starts. */
export function ShiftTab() {
  const view = useCommand("volunteer/shift", undefined);
  const [counted, setCounted] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<ShiftCloseOutcome | null>(null);
  if (!view) return <p className="muted">Loading…</p>;
  const cur = view.current;
  const cents = parseMoney(counted);

  const close = (): void => {
    if (cents === null) return;
    setBusy(true);
    setError(null);
    send("volunteer/close-shift", { countedCents: cents })
      .then((o) => {
        setDone(o);
        setCounted("");
      })
      .catch((err: unknown) => setError(errorMessage(err)))
      .finally(() => setBusy(false));
  };

  return (
    <section aria-label="Close shift">
      {done && (
        <div className="panel" role="status" data-testid="shift-closed">
          <p className="vol-done">Shift {done.closed.n} closed. Shift {done.next.n} starts with the next sale.</p>
          <Difference shift={done.closed} />
        </div>
      )}
      <div className="panel">
        <h2>
          Shift {cur.n}
          {cur.openedAt !== null ? <span className="muted"> · since {clockTime(cur.openedAt)}</span> : <span className="muted"> · nothing recorded yet</span>}
        </h2>
        <div className="vol-money-row">
          <span>
            Cash sales ({cur.sales} {cur.sales === 1 ? "sale" : "sales"} in all)
          </span>
          <span>{money(cur.cashSalesCents)}</span>
        </div>
        <div className="vol-money-row">
          <span>Paid back for voided cash sales</span>
          <span>{cur.refundsCents === 0 ? money(0) : `−${money(cur.refundsCents)}`}</span>
        </div>
        <div className="vol-money-row vol-total">
          <span>Expected cash</span>
          <span data-testid="expected-cash">{money(cur.expectedCents)}</span>
        </div>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            close();
          }}
        >
          <label htmlFor="counted">Cash counted in the drawer</label>
          <div className="row">
            <input id="counted" inputMode="decimal" value={counted} onChange={(e) => setCounted(e.target.value)} placeholder="e.g. 125.50" autoComplete="off" />
            <button type="submit" className="button" disabled={busy || cents === null}>
              Close shift
            </button>
          </div>
          {counted.trim() !== "" && cents === null && <p className="error">Enter an amount like 125.50.</p>}
          {cents !== null && cents !== cur.expectedCents && (
            <p className="vol-warning">
              {cents < cur.expectedCents ? "Short" : "Over"} by {money(Math.abs(cents - cur.expectedCents))}. Count again if you can; the count is recorded as entered.
            </p>
          )}
        </form>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
      </div>
      {view.closed.length > 0 && (
        <div className="panel">
          <h2>Closed shifts</h2>
          <ul className="vol-list">
            {view.closed.map((s) => (
              <li key={s.id}>
                Shift {s.n}, closed {clockTime(s.closedAt)}: <Difference shift={s} />
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

function Difference({ shift }: { shift: ClosedShift }) {
  const d = shift.differenceCents;
  return (
    <span>
      counted {money(shift.countedCents)} against {money(shift.expectedCents)} expected
      {d === 0 ? " — balanced" : <span className={d < 0 ? "vol-diff-short" : "vol-diff-over"}>{` — ${d < 0 ? "short" : "over"} by ${money(Math.abs(d))}`}</span>}
    </span>
  );
}
