import { useEffect, useState } from "react";
import { send } from "../../commands/index.js";
import type { ArgsOf, HandlerName, ResultOf } from "../../commands/types.js";
import { useUi } from "../../ui/store.js";

/**
 * A query through `send`, asked again whenever the data behind the screens changes (a write here,
 * a pull from another device). Null until the first answer; `key` re-asks when the args change.
 */
export function useCommand<K extends HandlerName>(name: K, args: ArgsOf<K>, key = ""): ResultOf<K> | null {
  const dataVersion = useUi((s) => s.dataVersion);
  const [value, setValue] = useState<ResultOf<K> | null>(null);
  useEffect(() => {
    let live = true;
    send(name, args)
      .then((v) => {
        if (live) setValue(v);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
    // args are compared through `key`: an object literal would re-run this on every render
  }, [name, key, dataVersion]);
  return value;
}
