import { useState } from "react";
import type { EventInfo } from "../../../sync/index.js";
import { PassList } from "./PassList.js";
import { PrintSheet } from "./PrintSheet.js";
import { RosterImport } from "./RosterImport.js";

export function RosterTab({ event }: { event: EventInfo }) {
  const [version, setVersion] = useState(0);
  const [printing, setPrinting] = useState<string | null>(null);
  if (printing !== null) return <PrintSheet event={event} query={printing} onDone={() => setPrinting(null)} />;
  return (
    <>
      <RosterImport event={event} onIssued={() => setVersion((v) => v + 1)} />
      <PassList event={event} version={version} onPrint={setPrinting} />
    </>
  );
}
