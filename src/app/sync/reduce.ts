/**
 * The derived door state, as pure functions of entries. The scan transaction and the pull both
 * run entries through here, so a pass admitted on another device reads exactly like one admitted
 * on this one. Only admits and exits move the state; denials are a record of refusal, not of
 * anyone being inside.
 *
 * The reducer is order-independent for distinct times: pulled entries arrive late and in any
 * order, so "inside" is decided by comparing the latest admit with the latest exit, not by
 * the order the entries happened to be applied in.
 */
import type { Entry } from "../../sync/index.js";
import type { CounterKey, PassState } from "../db/records.js";

export function emptyPassState(passId: string): PassState {
  return {
    passId,
    admits: 0,
    exits: 0,
    firstAdmitAt: null,
    lastAdmitAt: null,
    lastAdmitWhere: null,
    lastAdmitDevice: null,
    lastExitAt: null,
    inside: 0,
  };
}

/** Where an entry happened, in words staff recognise: the door's label, else the device id. */
export function whereOf(entry: Entry): string {
  const door = entry.data && "door" in entry.data ? entry.data.door : undefined;
  return typeof door === "string" && door.length > 0 ? door : entry.deviceId;
}

/** Whether this entry changes a pass's door state at all. */
export function movesPassState(entry: Entry): entry is Extract<Entry, { type: "admit" | "exit" }> {
  return entry.type === "admit" || entry.type === "exit";
}

/** The state after `entry`; `prev` is left untouched. Entries that do not move state return prev. */
export function reducePassState(prev: PassState | undefined, entry: Entry): PassState | undefined {
  if (!movesPassState(entry)) return prev;
  const s: PassState = { ...(prev ?? emptyPassState(entry.passId)) };
  if (entry.type === "admit") {
    s.admits += 1;
    s.firstAdmitAt = s.firstAdmitAt === null ? entry.at : Math.min(s.firstAdmitAt, entry.at);
    if (s.lastAdmitAt === null || entry.at >= s.lastAdmitAt) {
      s.lastAdmitAt = entry.at;
      s.lastAdmitWhere = whereOf(entry);
      s.lastAdmitDevice = entry.deviceId;
    }
  } else {
    s.exits += 1;
    s.lastExitAt = s.lastExitAt === null ? entry.at : Math.max(s.lastExitAt, entry.at);
  }
  // An exit at the same millisecond as the admit counts as after it: a device writes them in that order.
  s.inside = s.lastAdmitAt !== null && (s.lastExitAt === null || s.lastAdmitAt > s.lastExitAt) ? 1 : 0;
  return s;
}

/** How an entry moves the venue counters (inside now = admits − exits, across every synced device). */
export function counterDelta(entry: Entry): Partial<Record<CounterKey, number>> {
  if (entry.type === "admit") return { admits: 1 };
  if (entry.type === "exit") return { exits: 1 };
  return {};
}

export interface Counters {
  admits: number;
  exits: number;
}

export function insideNow(c: Counters): number {
  return Math.max(0, c.admits - c.exits);
}

/**
 * Folds many entries into the states of the passes they touch, starting from `current`
 * (which must hold the existing state of every pass in `entries`, where there is one).
 * Returns only the states that changed, and the counter totals moved.
 */
export function reduceEntries(
  current: ReadonlyMap<string, PassState>,
  entries: readonly Entry[],
): { states: Map<string, PassState>; delta: Counters } {
  const states = new Map<string, PassState>();
  const delta: Counters = { admits: 0, exits: 0 };
  for (const e of entries) {
    const d = counterDelta(e);
    delta.admits += d.admits ?? 0;
    delta.exits += d.exits ?? 0;
    if (!movesPassState(e)) continue;
    const prev = states.get(e.passId) ?? current.get(e.passId);
    const next = reducePassState(prev, e);
    if (next) states.set(e.passId, next);
  }
  return { states, delta };
}
