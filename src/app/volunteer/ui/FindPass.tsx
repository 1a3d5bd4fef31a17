import { lazy, Suspense, useState } from "react";
import { send } from "../../commands/index.js";
import { errorMessage } from "../../ui/format.js";
import { useHolderSearch } from "../../ui/useHolderSearch.js";
import type { PickupLookup } from "../types.js";
import { REFUSAL_WORDS } from "./words.js";

// The door's scanner, in its own chunk: the decoder library loads only when the camera is opened.
const CameraScanner = lazy(() => import("../../ui/scanner/CameraScanner.js"));

/** Three ways to a pass: the camera, its code typed in, or the holder's name. */
export function FindPass({ onFound }: { onFound: (lookup: PickupLookup) => void }) {
  const [camera, setCamera] = useState(false);
  const [code, setCode] = useState("");
  const [problem, setProblem] = useState<string | null>(null);

  const byText = (text: string): void => {
    setProblem(null);
    send("volunteer/pickup-find", { text })
      .then((found) => {
        if (found.ok) {
          setCamera(false);
          setCode("");
          onFound(found.lookup);
        } else setProblem(REFUSAL_WORDS[found.reason]);
      })
      .catch((err: unknown) => setProblem(errorMessage(err)));
  };

  return (
    <section className="panel" aria-label="Find a pass">
      <button type="button" className="button secondary vol-wide" onClick={() => setCamera((c) => !c)} aria-expanded={camera}>
        {camera ? "Close the camera" : "Scan a pass"}
      </button>
      {camera && (
        <Suspense fallback={<p className="scanner-note">Loading scanner…</p>}>
          <CameraScanner onText={byText} />
        </Suspense>
      )}
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          if (code.trim()) byText(code);
        }}
      >
        <label htmlFor="pickup-code" className="visually-hidden">
          Pass code
        </label>
        <input id="pickup-code" value={code} onChange={(e) => setCode(e.target.value)} placeholder="Or type the pass code" autoComplete="off" autoCapitalize="characters" />
        <button type="submit" className="button small" disabled={!code.trim()}>
          Look up
        </button>
      </form>
      {problem && (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
      <NameSearch onPick={(passId) => void send("volunteer/pickup-lookup", { passId }).then(onFound, (err: unknown) => setProblem(errorMessage(err)))} />
    </section>
  );
}

function NameSearch({ onPick }: { onPick: (passId: string) => void }) {
  const { query, setQuery, matches, clear, searched } = useHolderSearch();
  return (
    <div>
      <label htmlFor="pickup-name">Find by name</label>
      <input id="pickup-name" type="search" value={query} onChange={(e) => setQuery(e.target.value)} autoComplete="off" placeholder="At least 2 letters" />
      {searched && matches.length === 0 && <p className="muted">No one by that name in this device's list.</p>}
      {matches.length > 0 && (
        <ul className="match-list" aria-label="Matching pass holders">
          {matches.map((m) => (
            <li key={m.passId}>
              <button
                type="button"
                className="match"
                onClick={() => {
                  clear();
                  onPick(m.passId);
                }}
              >
                <span className="match-name">{m.holder}</span>
                <span className="match-meta">
                  {m.tier}
                  {m.revoked ? " · revoked" : ""}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
