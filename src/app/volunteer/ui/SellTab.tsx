import { useState } from "react";
import { send } from "../../commands/index.js";
import type { PaymentMethod } from "../../../sync/index.js";
import { PAYMENT_METHODS } from "../../../sync/index.js";
import { errorMessage } from "../../ui/format.js";
import type { CatalogItem, SaleOutcome } from "../types.js";
import { useCommand } from "./useCommand.js";
import { METHOD_WORDS, money } from "./words.js";

type Cart = Record<string, number>;

/** Tap items, pick how they paid, one tap records the sale. Stock below zero warns, never blocks. */
export function SellTab() {
  const catalog = useCommand("volunteer/catalog", undefined);
  const [cart, setCart] = useState<Cart>({});
  const [method, setMethod] = useState<PaymentMethod>("cash");
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<SaleOutcome | null>(null);
  const [error, setError] = useState<string | null>(null);

  const items = catalog ?? [];
  const lines = items.filter((i) => (cart[i.sku] ?? 0) > 0);
  const total = method === "comp" ? 0 : lines.reduce((t, i) => t + i.priceCents * cart[i.sku]!, 0);
  const short = lines.filter((i) => cart[i.sku]! > i.left);

  const change = (sku: string, by: number): void => {
    setDone(null);
    setCart((c) => ({ ...c, [sku]: Math.max(0, (c[sku] ?? 0) + by) }));
  };

  const record = (): void => {
    setBusy(true);
    setError(null);
    send("volunteer/sell", { lines: lines.map((i) => ({ sku: i.sku, quantity: cart[i.sku]! })), method })
      .then((outcome) => {
        setDone(outcome);
        setCart({});
      })
      .catch((err: unknown) => setError(errorMessage(err)))
      .finally(() => setBusy(false));
  };

  if (catalog === null) return <p className="muted">Loading the catalog…</p>;
  if (items.length === 0) return <p className="panel">No items in this device's catalog yet. Sync once the host has added them.</p>;

  return (
    <section aria-label="Sell">
      <ul className="panel vol-items" aria-label="Items">
        {items.map((item) => (
          <ItemRow key={item.sku} item={item} quantity={cart[item.sku] ?? 0} onChange={(by) => change(item.sku, by)} />
        ))}
      </ul>
      <div className="panel">
        <fieldset className="vol-methods">
          <legend className="visually-hidden">Payment method</legend>
          {PAYMENT_METHODS.map((m) => (
            <label key={m}>
              <input type="radio" name="method" value={m} checked={method === m} onChange={() => setMethod(m)} />
              <span>{METHOD_WORDS[m]}</span>
            </label>
          ))}
        </fieldset>
        <p className="vol-total" aria-live="polite">
          Total <span data-testid="sale-total">{money(total)}</span>
        </p>
        {short.length > 0 && (
          <p className="vol-warning" role="alert">
            Past the stock this device knows of: {short.map((i) => `${i.name} (${i.left} left)`).join(", ")}. You can still sell; the host will see it.
          </p>
        )}
        <button type="button" className="button vol-wide" onClick={record} disabled={busy || lines.length === 0}>
          {busy ? "Recording…" : `Record ${METHOD_WORDS[method].toLowerCase()} sale`}
        </button>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        {done && <SaleDone outcome={done} />}
      </div>
    </section>
  );
}

function ItemRow({ item, quantity, onChange }: { item: CatalogItem; quantity: number; onChange: (by: number) => void }) {
  const stockClass = item.left <= 0 ? "vol-stock-out" : item.left <= 3 ? "vol-stock-low" : "muted";
  return (
    <li className="vol-item" data-sku={item.sku}>
      <div>
        <div className="vol-item-name">{item.name}</div>
        <div>
          {money(item.priceCents)} ·{" "}
          <span className={stockClass}>
            <span data-testid={`left-${item.sku}`}>{item.left}</span> left
          </span>
        </div>
      </div>
      <div className="vol-qty">
        <button type="button" className="vol-step" aria-label={`One ${item.name} fewer`} onClick={() => onChange(-1)} disabled={quantity === 0}>
          −
        </button>
        <output aria-label={`${item.name} in this sale`}>{quantity}</output>
        <button type="button" className="vol-step" aria-label={`One more ${item.name}`} onClick={() => onChange(1)}>
          +
        </button>
      </div>
    </li>
  );
}

function SaleDone({ outcome }: { outcome: SaleOutcome }) {
  return (
    <div role="status">
      <p className="vol-done" data-testid="sale-done">
        Sale recorded: {money(outcome.totalCents)}, {METHOD_WORDS[outcome.method].toLowerCase()}.
      </p>
      {outcome.oversold.length > 0 && (
        <p className="vol-warning" data-testid="oversold-warning">
          Sold past stock: {outcome.oversold.map((o) => `${o.name} now at ${o.left}`).join(", ")}. The sale stands; the host's report will show it.
        </p>
      )}
    </div>
  );
}
