import type { DeviceInfo } from "../api/types.js";

/**
 * What the server is missing from a device, in words: entries 1…acked are in the log; of the
 * ones above, `heldBehindGap` are stored but wait for the missing ones. Pure, for the table.
 */
export function gapWords(d: Pick<DeviceInfo, "ackedThroughSeq" | "maxSeq" | "heldBehindGap">): string {
  if (d.maxSeq <= d.ackedThroughSeq) return "nothing";
  const missing = d.maxSeq - d.ackedThroughSeq - d.heldBehindGap;
  const held = d.heldBehindGap;
  const parts: string[] = [];
  if (missing > 0) parts.push(`${missing} entr${missing === 1 ? "y" : "ies"} missing after #${d.ackedThroughSeq}`);
  if (held > 0) parts.push(`${held} waiting behind the gap`);
  return parts.join(", ") || "nothing";
}
