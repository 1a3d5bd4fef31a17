import type { RosterProgress } from "../../commands/types.js";
import { byteSize } from "../format.js";

/**
 * The first roster sync: the server does not say how many passes are coming, so the bar runs
 * indeterminate and the counts below it move; it fills when the last page is stored.
 */
export function RosterProgressBar({ progress }: { progress: RosterProgress }) {
  const text = `${progress.passes.toLocaleString()} passes · ${byteSize(progress.bytes)}`;
  return (
    <section className="panel" aria-labelledby="roster-progress-label" data-testid="roster-progress">
      <p id="roster-progress-label">{progress.done ? "Guest list loaded" : "Loading the guest list…"}</p>
      {progress.done ? (
        <progress max={1} value={1} aria-labelledby="roster-progress-label" aria-valuetext={text} />
      ) : (
        <progress aria-labelledby="roster-progress-label" aria-valuetext={text} />
      )}
      <p className="muted" aria-live="polite">
        {text}
      </p>
    </section>
  );
}
