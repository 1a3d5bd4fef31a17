import { useEffect, useState } from "react";
import { send } from "../../commands/index.js";
import { clockTime, errorMessage } from "../../ui/format.js";
import type { PickupLookup, PickupOutcome, PickupSeen } from "../types.js";
import { FindPass } from "./FindPass.js";
import { useCommand } from "./useCommand.js";
import { itemsText } from "./words.js";

/** The kit desk: find the pass, see what is left of its entitlements, hand over, record. */
export function PickupTab() {
  const [passId, setPassId] = useState<string | null>(null);
  const [done, setDone] = useState<PickupOutcome | null>(null);
  return (
    <section aria-label="Pickup">
      <FindPass
        onFound={(l) => {
          setDone(null);
          setPassId(l.passId);
        }}
      />
      {done && <PickupDone outcome={done} />}
      {passId && (
        <PassPickup
          passId={passId}
          onRecorded={(o) => {
            setDone(o);
            setPassId(null);
          }}
          onCancel={() => setPassId(null)}
        />
      )}
    </section>
  );
}

function PassPickup({ passId, onRecorded, onCancel }: { passId: string; onRecorded: (o: PickupOutcome) => void; onCancel: () => void }) {
  // Kept fresh: a pull that brings another desk's pickup of this pass changes what is left.
  const lookup = useCommand("volunteer/pickup-lookup", { passId }, passId);
  const [chosen, setChosen] = useState<Record<string, number>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    // Start with what is left of each entitlement; whatever is used up starts at zero.
    if (lookup) setChosen(Object.fromEntries(lookup.entitlements.map((e) => [e.name, Math.max(0, e.left)])));
  }, [lookup?.passId]); // only when a new pass is shown, not on every refresh
  if (!lookup) return <p className="muted">Looking up the pass…</p>;

  const picked = Object.fromEntries(Object.entries(chosen).filter(([, n]) => n > 0));
  const over = lookup.entitlements.filter((e) => (picked[e.name] ?? 0) > e.left);
  const record = (): void => {
    setBusy(true);
    setError(null);
    send("volunteer/pickup", { passId, items: picked })
      .then(onRecorded)
      .catch((err: unknown) => setError(errorMessage(err)))
      .finally(() => setBusy(false));
  };

  return (
    <div className="panel" aria-label="Pass" data-testid="pickup-pass">
      <h2>{lookup.holder ?? "A pass not in this device's list yet"}</h2>
      <p className="muted">
        {lookup.tier ?? "unknown tier"} · pass {lookup.passId}
      </p>
      {lookup.revoked && (
        <p className="vol-warning" role="alert">
          This pass is revoked. Check with the host before handing anything over.
        </p>
      )}
      <Previous lookup={lookup} />
      {lookup.entitlements.length === 0 ? (
        <p>{lookup.holder === null ? "This pass is newer than this device's list: sync to see what it includes." : "This pass lists nothing to pick up."}</p>
      ) : (
        <ul className="vol-items" aria-label="Entitlements">
          {lookup.entitlements.map((e) => (
            <li key={e.name} className="vol-item">
              <div>
                <div className="vol-item-name">{e.name}</div>
                <div className={e.left <= 0 ? "vol-stock-out" : "muted"} data-testid={`ent-${e.name}`}>
                  {e.left} of {e.entitled} left
                </div>
              </div>
              <div className="vol-qty">
                <button type="button" className="vol-step" aria-label={`One ${e.name} fewer`} disabled={(chosen[e.name] ?? 0) === 0} onClick={() => setChosen((c) => ({ ...c, [e.name]: Math.max(0, (c[e.name] ?? 0) - 1) }))}>
                  −
                </button>
                <output aria-label={`${e.name} to hand over`}>{chosen[e.name] ?? 0}</output>
                <button type="button" className="vol-step" aria-label={`One more ${e.name}`} onClick={() => setChosen((c) => ({ ...c, [e.name]: (c[e.name] ?? 0) + 1 }))}>
                  +
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      {over.length > 0 && (
        <p className="vol-warning" role="alert">
          More than this pass has left: {over.map((e) => e.name).join(", ")}. It will be recorded and flagged for the host.
        </p>
      )}
      <div className="row">
        <button type="button" className="button" onClick={record} disabled={busy || Object.keys(picked).length === 0}>
          {busy ? "Recording…" : over.length > 0 ? "Hand over anyway" : "Hand over"}
        </button>
        <button type="button" className="button secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

const seenText = (p: PickupSeen): string => `${itemsText(p.items)} at ${clockTime(p.at)} on ${p.here ? `this device (${p.where})` : p.where}`;

function Previous({ lookup }: { lookup: PickupLookup }) {
  const standing = lookup.previous.filter((p) => !p.voided);
  if (standing.length === 0) return null;
  return (
    <div className="vol-warning" role="alert" data-testid="already-picked-up">
      <strong>Already picked up:</strong>
      <ul>
        {standing.map((p) => (
          <li key={p.entryId}>{seenText(p)}</li>
        ))}
      </ul>
    </div>
  );
}

function PickupDone({ outcome }: { outcome: PickupOutcome }) {
  return (
    <div role="status" className="panel">
      <p className="vol-done" data-testid="pickup-done">
        Pickup recorded for {outcome.lookup.holder ?? outcome.lookup.passId}.
      </p>
      {outcome.repeated.length > 0 && (
        <div className="vol-warning" data-testid="pickup-repeated">
          Handed over beyond the pass: {outcome.repeated.map((r) => `${r.name} (${r.takenBefore + r.now} of ${r.entitled})`).join(", ")}.
          {outcome.previous.length > 0 && (
            <ul>
              {outcome.previous.map((p) => (
                <li key={p.entryId}>Earlier: {seenText(p)}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
