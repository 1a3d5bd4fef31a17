import { useEffect, useState, type FormEvent } from "react";
import { send } from "../../commands/index.js";
import type { DoorSettings } from "../../commands/types.js";
import { useQuery } from "../door/useQuery.js";
import { errorMessage } from "../format.js";
import { useUi } from "../store.js";

/** Which tiers this door admits, whether people may come back in, and entry or exit mode. */
export function CheckInList() {
  const saved = useQuery("door/settings");
  const tiers = useQuery("door/tiers");
  const bumpData = useUi((s) => s.bumpData);
  const [draft, setDraft] = useState<DoorSettings | null>(null);
  const [state, setState] = useState<string | null>(null);

  // Start from what is stored, once; later refreshes must not overwrite unsaved choices.
  useEffect(() => {
    if (saved && !draft) setDraft(saved);
  }, [saved, draft]);

  if (!draft || !tiers) return <p className="muted">Loading the check-in list…</p>;

  // Tiers chosen earlier but missing from the current roster still show, so they can be unticked.
  const allTiers = [...new Set([...tiers, ...(draft.tiers ?? [])])].sort();
  const allowsAll = draft.tiers === null;
  const toggleTier = (tier: string, on: boolean): void => {
    const current = new Set(draft.tiers ?? allTiers);
    if (on) current.add(tier);
    else current.delete(tier);
    setDraft({ ...draft, tiers: [...current].sort() });
  };

  const save = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    try {
      await send("door/save-settings", draft);
      bumpData();
      setState("Saved. The next scan uses this list.");
    } catch (err) {
      setState(errorMessage(err));
    }
  };

  return (
    <form className="panel" onSubmit={(e) => void save(e)} aria-labelledby="checkin-heading">
      <h2 id="checkin-heading">Check-in list</h2>
      <fieldset>
        <legend>Tickets this door admits</legend>
        <label className="check">
          <input type="checkbox" checked={allowsAll} onChange={(e) => setDraft({ ...draft, tiers: e.target.checked ? null : allTiers })} />
          Every ticket type
        </label>
        {allTiers.map((tier) => (
          <label className="check indent" key={tier}>
            <input
              type="checkbox"
              checked={allowsAll || (draft.tiers?.includes(tier) ?? false)}
              disabled={allowsAll}
              onChange={(e) => toggleTier(tier, e.target.checked)}
            />
            {tier}
          </label>
        ))}
        {allTiers.length === 0 && <p className="muted">No ticket types yet: sync to load the guest list.</p>}
      </fieldset>
      <label className="check">
        <input type="checkbox" checked={draft.reentry} onChange={(e) => setDraft({ ...draft, reentry: e.target.checked })} />
        Re-entry allowed after a guest is scanned out
      </label>
      <fieldset>
        <legend>Mode</legend>
        <label className="check">
          <input type="radio" name="door-mode" checked={draft.mode === "entry"} onChange={() => setDraft({ ...draft, mode: "entry" })} />
          Entry: scans let people in
        </label>
        <label className="check">
          <input type="radio" name="door-mode" checked={draft.mode === "exit"} onChange={() => setDraft({ ...draft, mode: "exit" })} />
          Exit: scans check people out
        </label>
      </fieldset>
      <button type="submit" className="button">
        Save check-in list
      </button>
      {state && (
        <p className="muted" role="status">
          {state}
        </p>
      )}
    </form>
  );
}
