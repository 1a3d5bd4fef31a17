/**
 * The one place where the server's error codes become words for the host. The server's own
 * message is kept as the detail; the words say what to do in the console's terms.
 */
export class HostApiError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    readonly detail: string,
  ) {
    super(wordsFor(code, detail));
    this.name = "HostApiError";
  }
}

const WORDS: Record<string, string> = {
  UNAUTHENTICATED: "The host token was not accepted. Sign in again with the token printed when the server first started.",
  FORBIDDEN: "This token may not do that. Sign in with the host token.",
  EVENT_NOT_FOUND: "That event does not exist on this server any more. Pick another event.",
  PASS_NOT_FOUND: "That pass does not exist. Reload the roster.",
  DEVICE_NOT_FOUND: "That device does not exist. Reload the device list.",
  TOO_MANY_PASSES: "Too many passes in one request. (The console splits large imports; reload and try again.)",
  BODY_TOO_LARGE: "That is too much to send at once. Try a smaller file.",
  NETWORK: "The server cannot be reached. Check the connection; nothing was changed.",
  INTERNAL: "The server hit a problem. Try again; if it keeps happening, check the server's log.",
};

function wordsFor(code: string, detail: string): string {
  const words = WORDS[code];
  // Validation errors carry the field and the fault in the server's message: that is the useful part.
  if (!words) return detail || `The server answered ${code}.`;
  return words;
}
