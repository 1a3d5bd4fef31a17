import { useUi } from "../store.js";
import { verdictWords } from "../verdictWords.js";
import { previousText } from "./VerdictOverlay.js";

/**
 * A live region that is always in the page, so screen readers announce each verdict (a region
 * inserted together with its text is often not read).
 */
export function VerdictAnnouncer() {
  const verdict = useUi((s) => s.verdict);
  let text = "";
  if (verdict) {
    const { outcome } = verdict;
    text = [verdictWords(outcome.verdict).title, outcome.holder, outcome.tier, previousText(verdict)].filter(Boolean).join(". ");
  }
  return (
    <div className="visually-hidden" aria-live="assertive" aria-atomic="true" data-testid="verdict-announcer">
      {text}
    </div>
  );
}
