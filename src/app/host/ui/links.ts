import type { MouseEvent } from "react";

/** A plain click navigates inside the console; Ctrl/Cmd/Shift-click keeps the browser's "open in a new tab". */
export function inPage(e: MouseEvent, go: () => void): void {
  if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  e.preventDefault();
  go();
}
