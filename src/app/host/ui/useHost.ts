/**
 * Loading state for one host call, with an optional poll. A poll pauses while the tab is hidden
 * (nobody is looking, and a laptop lid closed all evening should not keep asking) and resumes at
 * once when it is shown again. A failed poll keeps the last good data on screen with the error
 * beside it: stale numbers marked stale beat a blank screen.
 */
import { useCallback, useEffect, useRef, useState } from "react";

export interface Query<T> {
  data: T | null;
  error: unknown;
  loading: boolean;
  reload: () => void;
  /** when data last arrived */
  at: number | null;
}

export function useHostQuery<T>(load: () => Promise<T>, deps: readonly unknown[], pollMs?: number): Query<T> {
  const [state, setState] = useState<{ data: T | null; error: unknown; loading: boolean; at: number | null }>({ data: null, error: null, loading: true, at: null });
  const [tick, setTick] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  // A poll never starts while the previous request is still running: on a slow server or a big
  // event, requests would otherwise pile up behind each other.
  const inFlight = useRef(false);
  const reload = useCallback(() => setTick((t) => t + 1), []);

  useEffect(() => {
    let live = true;
    inFlight.current = true;
    setState((s) => ({ ...s, loading: true }));
    loadRef.current()
      .then(
        (data) => live && setState({ data, error: null, loading: false, at: Date.now() }),
        (error: unknown) => live && setState((s) => ({ ...s, error, loading: false })),
      )
      .finally(() => {
        if (live) inFlight.current = false;
      });
    return () => {
      live = false;
    };
    // The caller lists what the load depends on; the function itself changes every render.
  }, [...deps, tick]);

  useEffect(() => {
    if (!pollMs) return;
    const id = window.setInterval(() => {
      if (document.visibilityState === "visible" && !inFlight.current) setTick((t) => t + 1);
    }, pollMs);
    const onVisible = () => {
      if (document.visibilityState === "visible") setTick((t) => t + 1);
    };
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      window.clearInterval(id);
      document.removeEventListener("visibilitychange", onVisible);
    };
  }, [pollMs]);

  return { ...state, reload };
}

/**
 * Runs one action at a time, exposing whether it is running and its error in words. Resolves to
 * undefined on failure, so an action whose call returns nothing should return true itself.
 */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(async <T,>(fn: () => Promise<T>): Promise<T | undefined> => {
    setBusy(true);
    setError(null);
    try {
      return await fn();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
      return undefined;
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, run, setError };
}
