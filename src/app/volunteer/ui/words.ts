/** Words for volunteer mode's codes, in one place: the commands speak codes, the screens speak these. */
import type { PaymentMethod } from "../../../sync/index.js";
import type { PickupRefusal } from "../types.js";

export const METHOD_WORDS: Record<PaymentMethod, string> = { cash: "Cash", card: "Card", comp: "Comp (free)" };

export const REFUSAL_WORDS: Record<PickupRefusal, string> = {
  NOT_A_PASS: "That is not a Doorlist pass.",
  WRONG_EVENT: "That pass is for another event.",
  UNKNOWN_KEY: "This device does not know the key that pass was signed with yet. Sync, then try again.",
  FORGED: "That pass's signature does not check out: do not hand anything over.",
};

/** Cents as an amount with two decimals; the currency is the event's and is left unsaid. */
export function money(cents: number): string {
  const sign = cents < 0 ? "−" : "";
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}

/** "12.50" or "12,5" or "12" → cents; null when it is not an amount. */
export function parseMoney(text: string): number | null {
  const t = text.trim().replace(",", ".");
  if (!/^\d{1,7}(\.\d{0,2})?$/.test(t)) return null;
  const [whole, frac = ""] = t.split(".");
  return Number(whole) * 100 + Number(frac.padEnd(2, "0"));
}

/** "2 × kit, 1 × tote" */
export function itemsText(items: Record<string, number>): string {
  return Object.entries(items)
    .map(([name, n]) => `${n} × ${name}`)
    .join(", ");
}
