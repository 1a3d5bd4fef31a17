import { useEffect, useState } from "react";
import type { EventInfo } from "../../../sync/index.js";
import type { PassListItem } from "../../../sync/host.js";
import { qrDataUrl } from "../../holder/qr.js";
import { host } from "../api/client.js";
import { dateTime, errorText } from "../ui/format.js";

const PAGE = 1000;
/** A sheet beyond this is better printed in parts, by tier or by name: the browser slows to a crawl. */
export const MAX_SHEET = 5000;

type Card = PassListItem & { image: string };

/**
 * Every (matching, unrevoked) pass as a card with its QR, laid out for A4 or Letter by the print
 * stylesheet: the console's chrome is hidden on paper, cards never break across pages.
 */
export function PrintSheet({ event, query, onDone }: { event: EventInfo; query: string; onDone: () => void }) {
  const [cards, setCards] = useState<Card[] | null>(null);
  const [progress, setProgress] = useState("Loading passes…");
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    (async () => {
      const all: PassListItem[] = [];
      for (let offset = 0; offset < MAX_SHEET; offset += PAGE) {
        const page = await host("passes/list", { eventId: event.id, offset, limit: PAGE, q: query });
        all.push(...page.passes.filter((p) => p.revokedAt === null));
        if (!live) return;
        setProgress(`Loaded ${Math.min(offset + PAGE, page.total)} of ${page.total} passes…`);
        if (offset + PAGE >= page.total) break;
      }
      const out: Card[] = [];
      for (const p of all) {
        out.push({ ...p, image: await qrDataUrl(p.code, { margin: 2 }) });
        if (!live) return;
        if (out.length % 100 === 0) setProgress(`Drew ${out.length} of ${all.length} QR codes…`);
      }
      setCards(out);
    })().catch((err: unknown) => live && setError(errorText(err)));
    return () => {
      live = false;
    };
  }, [event.id, query]);

  return (
    <section aria-label="Printable passes">
      <div className="row no-print">
        <button className="button" type="button" disabled={!cards} onClick={() => window.print()}>
          Print
        </button>
        <button className="button secondary" type="button" onClick={onDone}>
          Back to the list
        </button>
        {cards && <span role="status">{cards.length} passes on the sheet (revoked passes are left out).</span>}
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {!cards && !error && <p role="status">{progress}</p>}
      {cards && (
        <ul className="print-sheet">
          {cards.map((c) => (
            <li key={c.id} className="print-card">
              <img src={c.image} alt={`QR code of the pass of ${c.holder}`} />
              <div>
                <strong>{c.holder}</strong>
                <div>{c.tier}</div>
                <div className="print-small">{event.name}</div>
                <div className="print-small">{dateTime(event.startsAt)}</div>
                <div className="print-small">Pass {c.id}</div>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
