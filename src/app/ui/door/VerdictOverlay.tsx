import { useEffect } from "react";
import { clockTime } from "../format.js";
import { useUi, type ShownVerdict } from "../store.js";
import { verdictWords } from "../verdictWords.js";

/** Long enough to read a name, short enough that the next guest is not kept waiting. */
export const VERDICT_MS = 1500;

export function previousText(v: ShownVerdict): string | null {
  const prev = v.outcome.previous;
  if (!prev) return null;
  return `Admitted at ${clockTime(prev.at)} at ${prev.where}`;
}

/**
 * The verdict, full screen, in its own colour. It clears itself after VERDICT_MS (or on a tap)
 * while the camera keeps scanning underneath, so the next code needs no button press.
 */
export function VerdictOverlay() {
  const verdict = useUi((s) => s.verdict);
  const dismiss = useUi((s) => s.dismissVerdict);

  useEffect(() => {
    if (!verdict) return;
    const timer = window.setTimeout(() => dismiss(verdict.key), VERDICT_MS);
    return () => window.clearTimeout(timer);
  }, [verdict, dismiss]);

  if (!verdict) return null;
  const { outcome } = verdict;
  const words = verdictWords(outcome.verdict);
  const previous = previousText(verdict);
  return (
    <button
      type="button"
      className={`verdict-overlay tone-${words.tone}`}
      data-testid="verdict"
      data-verdict={outcome.verdict}
      onClick={() => dismiss(verdict.key)}
    >
      <span className="verdict-title">{words.title}</span>
      {outcome.holder && <span className="verdict-holder">{outcome.holder}</span>}
      {outcome.tier && <span className="verdict-tier">{outcome.tier}</span>}
      {previous && <span className="verdict-previous">{previous}</span>}
      <span className="verdict-advice">{words.advice}</span>
      {outcome.nearCapacity && outcome.capacity !== null && (
        <span className="verdict-capacity" data-testid="verdict-capacity">
          {outcome.insideNow >= outcome.capacity ? "Now full" : "Nearly full"}: {outcome.insideNow} of {outcome.capacity} inside
        </span>
      )}
      {outcome.detail && <span className="verdict-detail">{outcome.detail}</span>}
      <span className="verdict-dismiss">Tap to continue</span>
    </button>
  );
}
