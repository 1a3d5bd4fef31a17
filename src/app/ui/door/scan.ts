/**
 * What happens when a code arrives, from any source: ask the verdict engine (through `send`),
 * then show, sound and vibrate the answer. The engine has already written the entry before it
 * answers, so what is shown is what is recorded.
 */
import { send } from "../../commands/index.js";
import type { ScanOutcome, ScanSource } from "../../commands/types.js";
import { errorMessage } from "../format.js";
import { useUi } from "../store.js";
import { verdictWords } from "../verdictWords.js";
import { feedback } from "./feedback.js";

function present(outcome: ScanOutcome): void {
  // Camera jitter: the same code again within the engine's window. Nothing logged, nothing shown.
  if (outcome.ignored) return;
  useUi.getState().showVerdict(outcome);
  feedback(verdictWords(outcome.verdict).tone);
  // A key this device has not cached yet (rotated after the last sync): fetch it now, so the
  // guest's second try can succeed. Offline it fails quietly into the header's last error.
  if (outcome.verdict === "UNKNOWN_KEY") {
    send("sync/now", undefined)
      .then((status) => useUi.getState().setSync(status))
      .catch(() => undefined);
  }
}

function fail(err: unknown): void {
  useUi.getState().setNotice(`That scan could not be checked: ${errorMessage(err)}`);
}

export async function scanText(text: string, source: ScanSource): Promise<void> {
  try {
    present(await send("door/scan", { text, source }));
  } catch (err) {
    fail(err);
  }
}

export async function admitPass(passId: string): Promise<void> {
  try {
    present(await send("door/admit-pass", { passId }));
  } catch (err) {
    fail(err);
  }
}
