import { host } from "../api/client.js";
import type { EventInfo } from "../../../sync/index.js";
import { useAction } from "../ui/useHost.js";
import { DEMO_ITEM, DEMO_TIERS, demoEvent, demoGuests } from "./demoData.js";

const PASSES = 500;

/** The same demo as `npm run demo`, for a host who would rather click than open a terminal. */
export function DemoButton({ onCreated }: { onCreated: (e: EventInfo) => void }) {
  const { busy, error, run } = useAction();
  const create = async () => {
    const event = await run(async () => {
      const ev = await host("events/create", demoEvent(Date.now()));
      await host("tiers/save", { eventId: ev.id, tiers: DEMO_TIERS });
      await host("items/put", { eventId: ev.id, ...DEMO_ITEM });
      await host("passes/issue", { eventId: ev.id, passes: demoGuests(PASSES) });
      return ev;
    });
    if (event) onCreated(event);
  };
  return (
    <section className="panel">
      <h2>Just trying Doorlist?</h2>
      <p>
        Make a demo event with {PASSES} made-up guests in three tiers. Then, under Devices, make a door enrollment and open its link in
        another tab; open any pass's holder page and scan it (or type its code) at that door.
      </p>
      <button className="button secondary" type="button" disabled={busy} onClick={() => void create()}>
        {busy ? "Making the demo…" : "Create a demo event"}
      </button>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
