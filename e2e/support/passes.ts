/** Passes that a real server would never issue, made from ones it did, for the door's denials. */
import { base45Decode, passToText, PASS_PREFIX } from "../../src/pass/index.js";

/**
 * The same pass with one bit of its signature flipped: it still parses, names the right event
 * and a known key, so the only thing wrong with it is the signature (FORGED, not NOT A PASS).
 */
export function forge(code: string): string {
  const bytes = base45Decode(code.slice(PASS_PREFIX.length));
  if (!bytes) throw new Error(`not a pass text: ${code}`);
  const copy = new Uint8Array(bytes);
  copy[copy.length - 1] = copy[copy.length - 1]! ^ 0x01;
  return passToText(copy);
}
