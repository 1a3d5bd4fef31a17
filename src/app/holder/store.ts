/** The pass texts this phone has opened, by pass id, so the page works later without its fragment or a network. */
const PREFIX = "doorlist.pass.";

export function rememberPass(passId: string, code: string): void {
  try {
    localStorage.setItem(PREFIX + passId, code);
  } catch {
    // private mode or full storage: the page still shows the pass from its fragment this time
  }
}

export function recallPass(passId: string): string | null {
  try {
    return localStorage.getItem(PREFIX + passId);
  } catch {
    return null;
  }
}
