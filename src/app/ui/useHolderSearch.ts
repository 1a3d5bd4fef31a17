import { useEffect, useState } from "react";
import { send } from "../commands/index.js";
import type { HolderMatch } from "../commands/types.js";

/** Wait for a pause in typing rather than searching the roster on every key. */
const SEARCH_DELAY_MS = 150;
/** One letter matches half the roster; two narrow it to something worth showing. */
export const MIN_QUERY_LENGTH = 2;

/**
 * Name search over this device's roster, for the door's "Find by name" and the pickup desk:
 * debounced, and a slow answer to an old query never replaces the answer to a newer one.
 */
export function useHolderSearch(limit = 8) {
  const [query, setQuery] = useState("");
  const [matches, setMatches] = useState<HolderMatch[]>([]);

  useEffect(() => {
    const q = query.trim();
    if (q.length < MIN_QUERY_LENGTH) {
      setMatches([]);
      return;
    }
    let live = true;
    const timer = window.setTimeout(() => {
      send("door/search", { query: q, limit }).then(
        (found) => live && setMatches(found),
        () => live && setMatches([]),
      );
    }, SEARCH_DELAY_MS);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [query, limit]);

  const clear = (): void => {
    setQuery("");
    setMatches([]);
  };
  const searched = query.trim().length >= MIN_QUERY_LENGTH;
  return { query, setQuery, matches, clear, searched };
}
