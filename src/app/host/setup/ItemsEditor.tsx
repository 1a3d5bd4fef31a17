import { useId, useState, type FormEvent } from "react";
import { host } from "../api/client.js";
import { errorText, money } from "../ui/format.js";
import { useAction, useHostQuery } from "../ui/useHost.js";

/** Items volunteers sell or hand out, with their stock; the same SKU again updates it. */
export function ItemsEditor({ eventId }: { eventId: string }) {
  const items = useHostQuery(() => host("items/list", { eventId }), [eventId]);
  const [sku, setSku] = useState("");
  const [name, setName] = useState("");
  const [price, setPrice] = useState("");
  const [stock, setStock] = useState("");
  const { busy, error, run, setError } = useAction();
  const id = useId();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const priceCents = Math.round(Number(price.replace(",", ".")) * 100);
    const stockN = Number(stock);
    if (!/^[A-Za-z0-9_.-]{1,64}$/.test(sku.trim())) return setError("The SKU is 1 to 64 letters, digits, “.”, “-” or “_”.");
    if (!name.trim()) return setError("Give the item a name.");
    if (!Number.isFinite(priceCents) || priceCents < 0) return setError("The price is an amount like 12.50 (0 for a free item).");
    if (!Number.isInteger(stockN) || stockN < 0) return setError("Stock is a whole number.");
    const done = await run(async () => {
      await host("items/put", { eventId, sku: sku.trim(), name: name.trim(), priceCents, stock: stockN });
      return true;
    });
    if (done) {
      setSku("");
      setName("");
      setPrice("");
      setStock("");
      items.reload();
    }
  };

  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Items</h2>
      {items.error !== null && <p className="error">{errorText(items.error)}</p>}
      {items.data && items.data.length > 0 ? (
        <table className="host-table">
          <caption className="visually-hidden">Items and stock</caption>
          <thead>
            <tr>
              <th scope="col">SKU</th>
              <th scope="col">Name</th>
              <th scope="col" className="num">
                Price
              </th>
              <th scope="col" className="num">
                Stock
              </th>
            </tr>
          </thead>
          <tbody>
            {items.data.map((i) => (
              <tr key={i.sku}>
                <th scope="row">
                  <code>{i.sku}</code>
                </th>
                <td>{i.name}</td>
                <td className="num">{money(i.priceCents)}</td>
                <td className="num">{i.stock}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        items.data && <p className="muted">No items yet.</p>
      )}
      <form className="host-form" onSubmit={submit}>
        <div className="host-fields">
          <div>
            <label htmlFor={`${id}-sku`}>SKU</label>
            <input id={`${id}-sku`} value={sku} onChange={(e) => setSku(e.target.value)} placeholder="TOTE" />
          </div>
          <div>
            <label htmlFor={`${id}-name`}>Name</label>
            <input id={`${id}-name`} value={name} onChange={(e) => setName(e.target.value)} placeholder="Tote bag" />
          </div>
          <div>
            <label htmlFor={`${id}-price`}>Price</label>
            <input id={`${id}-price`} inputMode="decimal" value={price} onChange={(e) => setPrice(e.target.value)} placeholder="15.00" />
          </div>
          <div>
            <label htmlFor={`${id}-stock`}>Stock</label>
            <input id={`${id}-stock`} type="number" min={0} inputMode="numeric" value={stock} onChange={(e) => setStock(e.target.value)} />
          </div>
        </div>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <button className="button" type="submit" disabled={busy}>
          {busy ? "Saving…" : "Add or update item"}
        </button>
      </form>
    </section>
  );
}
