import { clockTime } from "../format.js";
import { useUi } from "../store.js";
import { verdictWords } from "../verdictWords.js";
import { previousText } from "./VerdictOverlay.js";

/** The last few verdicts on this screen, so a verdict missed while looking at a guest can be read again. */
export function RecentScans() {
  const recent = useUi((s) => s.recent);
  if (recent.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="recent-heading">
      <h2 id="recent-heading">Recent scans</h2>
      <ol className="recent-list">
        {recent.map((v) => {
          const words = verdictWords(v.outcome.verdict);
          const prev = previousText(v);
          return (
            <li key={v.key} className={`recent-item tone-${words.tone}`} data-testid="recent-scan" data-verdict={v.outcome.verdict}>
              <span className="recent-title">{words.title}</span>
              <span className="recent-who">
                {[v.outcome.holder, v.outcome.tier].filter(Boolean).join(" · ") || v.outcome.detail}
                {prev ? ` — ${prev}` : ""}
              </span>
              <time className="recent-time" dateTime={new Date(v.at).toISOString()}>
                {clockTime(v.at)}
              </time>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
