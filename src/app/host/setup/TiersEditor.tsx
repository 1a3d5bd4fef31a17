import { useEffect, useId, useState, type FormEvent } from "react";
import type { TierSetting } from "../../../sync/host.js";
import { MAX_TIER_BYTES } from "../../../pass/index.js";
import { host } from "../api/client.js";
import { errorText } from "../ui/format.js";
import { useAction, useHostQuery } from "../ui/useHost.js";
import { formatEntitlements, parseEntitlements } from "./entitlements.js";

interface Draft {
  key: number;
  name: string;
  entitlements: string;
}

let nextKey = 1;
const toDrafts = (tiers: TierSetting[]): Draft[] => tiers.map((t) => ({ key: nextKey++, name: t.name, entitlements: formatEntitlements(t.entitlements) }));

/**
 * Tiers and what each entitles. Imported rows must name one of these tiers; each pass is issued
 * with its tier's entitlements copied in, so editing a tier later does not change issued passes.
 */
export function TiersEditor({ eventId }: { eventId: string }) {
  const saved = useHostQuery(() => host("tiers/get", { eventId }), [eventId]);
  const [drafts, setDrafts] = useState<Draft[] | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const { busy, error, run, setError } = useAction();
  const id = useId();

  useEffect(() => {
    if (saved.data) setDrafts(toDrafts(saved.data));
  }, [saved.data]);

  if (saved.error && !saved.data) return <p className="error" role="alert">{errorText(saved.error)}</p>;
  if (!drafts) return <p role="status">Loading tiers…</p>;

  const update = (key: number, patch: Partial<Draft>) => {
    setStatus(null);
    setDrafts(drafts.map((d) => (d.key === key ? { ...d, ...patch } : d)));
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const tiers: TierSetting[] = [];
    for (const d of drafts) {
      const name = d.name.trim();
      if (!name) continue;
      if (new TextEncoder().encode(name).length > MAX_TIER_BYTES) return setError(`The tier “${name}” is longer than ${MAX_TIER_BYTES} bytes; a pass cannot hold it.`);
      if (tiers.some((t) => t.name === name)) return setError(`The tier “${name}” is listed twice.`);
      const ent = parseEntitlements(d.entitlements);
      if (!ent.ok) return setError(`Tier “${name}”: ${ent.message}`);
      tiers.push({ name, entitlements: ent.value });
    }
    const result = await run(() => host("tiers/save", { eventId, tiers }));
    if (result) {
      setDrafts(toDrafts(result));
      setStatus(`Saved ${result.length} tier${result.length === 1 ? "" : "s"}.`);
    }
  };

  return (
    <form className="panel host-form" onSubmit={submit}>
      <h2>Tiers</h2>
      <p className="muted">
        A tier is printed on each pass (at most {MAX_TIER_BYTES} bytes, e.g. VIP, GA, CREW). Entitlements are what one pass of it may pick up,
        e.g. “kit, tote:2”.
      </p>
      <table className="host-table host-edit-table">
        <caption className="visually-hidden">Tiers and their entitlements</caption>
        <thead>
          <tr>
            <th scope="col">Tier</th>
            <th scope="col">Entitlements</th>
            <th scope="col">
              <span className="visually-hidden">Remove</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {drafts.map((d, i) => (
            <tr key={d.key}>
              <td>
                <input aria-label={`Tier ${i + 1} name`} value={d.name} onChange={(e) => update(d.key, { name: e.target.value })} />
              </td>
              <td>
                <input aria-label={`Tier ${i + 1} entitlements`} value={d.entitlements} placeholder="none" onChange={(e) => update(d.key, { entitlements: e.target.value })} />
              </td>
              <td>
                <button className="button secondary small" type="button" onClick={() => setDrafts(drafts.filter((x) => x.key !== d.key))}>
                  Remove<span className="visually-hidden"> tier {d.name || i + 1}</span>
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="row">
        <button className="button secondary" type="button" onClick={() => setDrafts([...drafts, { key: nextKey++, name: "", entitlements: "" }])}>
          Add a tier
        </button>
        <button className="button" type="submit" disabled={busy} id={`${id}-save`}>
          {busy ? "Saving…" : "Save tiers"}
        </button>
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <p role="status" className="muted">
        {status}
      </p>
    </form>
  );
}
