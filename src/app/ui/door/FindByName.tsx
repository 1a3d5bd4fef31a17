import type { HolderMatch } from "../../commands/types.js";
import { clockTime } from "../format.js";
import { useHolderSearch } from "../useHolderSearch.js";
import { admitPass } from "./scan.js";

/** The guest whose QR will not scan: find them by name, tap, and the engine decides (logged as manual). */
export function FindByName() {
  const { query, setQuery, matches, clear, searched } = useHolderSearch();

  const choose = (m: HolderMatch): void => {
    clear();
    void admitPass(m.passId);
  };

  return (
    <section className="panel">
      <label htmlFor="find-name">Find by name</label>
      <input id="find-name" type="search" value={query} onChange={(e) => setQuery(e.target.value)} autoComplete="off" placeholder="At least 2 letters" />
      {searched && matches.length === 0 && <p className="muted">No one by that name in this device's list.</p>}
      {matches.length > 0 && (
        <ul className="match-list" aria-label="Matching guests">
          {matches.map((m) => (
            <li key={m.passId}>
              <button type="button" className="match" onClick={() => choose(m)}>
                <span className="match-name">{m.holder}</span>
                <span className="match-meta">
                  {m.tier}
                  {m.revoked ? " · revoked" : ""}
                  {m.admittedAt !== undefined ? ` · in since ${clockTime(m.admittedAt)}` : ""}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
