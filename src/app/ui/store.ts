/**
 * UI state only: which screen is showing, what the header shows, the verdict on screen and the
 * last few scans. Nothing here is the record of truth — that lives behind `send` — so losing
 * this store on reload loses nothing.
 */
import { create } from "zustand";
import type { DeviceIdentity, EventSummary, RosterProgress, ScanOutcome, SyncStatus } from "../commands/types.js";
import { parseRoute, type Route } from "./route.js";

/** One verdict as shown; `key` lets the overlay restart its timer when the same verdict repeats. */
export interface ShownVerdict {
  key: number;
  outcome: ScanOutcome;
  at: number;
}

export type IdentityState =
  | { status: "loading" }
  | { status: "none" }
  | { status: "enrolled"; device: DeviceIdentity; event: EventSummary | null };

export interface UiState {
  route: Route;
  identity: IdentityState;
  sync: SyncStatus | null;
  rosterProgress: RosterProgress | null;
  verdict: ShownVerdict | null;
  /** newest first, at most RECENT_LIMIT */
  recent: ShownVerdict[];
  /** a new version is installed and waits for the person to tap Update */
  updateReady: boolean;
  /** a problem to show on the door screen (a failed scan or sync), with a key to clear it */
  notice: { key: number; message: string } | null;
  /** bumped whenever the data behind the screens changed (a scan, a sync): screens re-query */
  dataVersion: number;
  navigate: (path: string, opts?: { replace?: boolean }) => void;
  syncFromLocation: () => void;
  setIdentity: (identity: IdentityState) => void;
  setSync: (sync: SyncStatus) => void;
  setRosterProgress: (p: RosterProgress | null) => void;
  showVerdict: (outcome: ScanOutcome) => void;
  dismissVerdict: (key: number) => void;
  setUpdateReady: (ready: boolean) => void;
  setNotice: (message: string | null) => void;
  bumpData: () => void;
}

export const RECENT_LIMIT = 12;
let verdictCounter = 0;

export const useUi = create<UiState>()((set) => ({
  route: parseRoute(window.location.pathname, window.location.search),
  identity: { status: "loading" },
  sync: null,
  rosterProgress: null,
  verdict: null,
  recent: [],
  updateReady: false,
  notice: null,
  dataVersion: 0,
  navigate: (path, opts) => {
    if (opts?.replace) window.history.replaceState(null, "", path);
    else window.history.pushState(null, "", path);
    set({ route: parseRoute(window.location.pathname, window.location.search) });
  },
  syncFromLocation: () => set({ route: parseRoute(window.location.pathname, window.location.search) }),
  setIdentity: (identity) => set({ identity }),
  setSync: (sync) => set({ sync }),
  setRosterProgress: (rosterProgress) => set({ rosterProgress }),
  showVerdict: (outcome) => {
    const shown: ShownVerdict = { key: ++verdictCounter, outcome, at: Date.now() };
    set((s) => ({ verdict: shown, recent: [shown, ...s.recent].slice(0, RECENT_LIMIT), dataVersion: s.dataVersion + 1 }));
  },
  // Only the verdict that set the timer may clear itself: a newer one keeps its full time on screen.
  dismissVerdict: (key) => set((s) => (s.verdict?.key === key ? { verdict: null } : {})),
  setUpdateReady: (updateReady) => set({ updateReady }),
  bumpData: () => set((s) => ({ dataVersion: s.dataVersion + 1 })),
  setNotice: (message) => set({ notice: message === null ? null : { key: ++verdictCounter, message } }),
}));
