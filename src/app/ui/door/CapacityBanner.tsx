import type { DoorCounts } from "../../commands/types.js";

/** From 90% of capacity, the door should know before it says FULL. */
export const NEAR_CAPACITY = 0.9;

export function CapacityBanner({ counts }: { counts: DoorCounts | null }) {
  if (!counts) return null;
  const { insideNow, capacity } = counts;
  const near = capacity !== null && capacity > 0 && insideNow >= NEAR_CAPACITY * capacity;
  const full = capacity !== null && insideNow >= capacity;
  return (
    <p className={`capacity ${full ? "capacity-full" : near ? "capacity-near" : ""}`} data-testid="capacity" role={near ? "status" : undefined}>
      {capacity === null ? `Inside now: ${insideNow}` : `Inside now: ${insideNow} of ${capacity}`}
      {full ? " — full" : near ? " — nearly full" : ""}
    </p>
  );
}
