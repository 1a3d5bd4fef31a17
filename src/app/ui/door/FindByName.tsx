import { useEffect, useState } from "react";
import { send } from "../../commands/index.js";
import type { HolderMatch } from "../../commands/types.js";
import { clockTime } from "../format.js";
import { admitPass } from "./scan.js";

const SEARCH_DELAY_MS = 150;

/** The guest whose QR will not scan: find them by name, tap, and the engine decides (logged as manual). */
export function FindByName() {
  const [query, setQuery] = useState("");
  const [matches, setMatches] = useState<HolderMatch[]>([]);

  useEffect(() => {
    const q = query.trim();
    if (q.length < 2) {
      setMatches([]);
      return;
    }
    let live = true;
    // Wait for a pause in typing rather than searching on every key.
    const timer = window.setTimeout(() => {
      send("door/search", { query: q, limit: 8 })
        .then((found) => {
          if (live) setMatches(found);
        })
        .catch(() => {
          if (live) setMatches([]);
        });
    }, SEARCH_DELAY_MS);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [query]);

  const choose = (m: HolderMatch): void => {
    setQuery("");
    setMatches([]);
    void admitPass(m.passId);
  };

  return (
    <section className="panel">
      <label htmlFor="find-name">Find by name</label>
      <input id="find-name" type="search" value={query} onChange={(e) => setQuery(e.target.value)} autoComplete="off" placeholder="At least 2 letters" />
      {query.trim().length >= 2 && matches.length === 0 && <p className="muted">No one by that name in this device's list.</p>}
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
