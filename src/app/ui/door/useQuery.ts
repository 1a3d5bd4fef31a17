import { useEffect, useState } from "react";
import { send } from "../../commands/index.js";
import type { ResultOf } from "../../commands/types.js";
import { useUi } from "../store.js";

/** The queries the screens poll without arguments. */
export type PlainQuery = "door/counts" | "door/settings" | "door/tiers";

/**
 * A query through `send`, re-run whenever the data behind the screens changes (a scan, a sync,
 * a settings save). Returns null until the first answer.
 */
export function useQuery<K extends PlainQuery>(name: K): ResultOf<K> | null {
  const dataVersion = useUi((s) => s.dataVersion);
  const [value, setValue] = useState<ResultOf<K> | null>(null);
  useEffect(() => {
    let live = true;
    const ask = send as (n: PlainQuery, a: void) => Promise<ResultOf<K>>;
    ask(name, undefined)
      .then((v) => {
        if (live) setValue(v);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [name, dataVersion]);
  return value;
}
