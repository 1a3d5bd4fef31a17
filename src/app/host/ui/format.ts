/** How the console writes numbers and times: short, unambiguous, the same on every screen. */

export function dateTime(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return "—";
  return new Date(ms).toLocaleString([], { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", hour12: false });
}

export function clock(ms: number): string {
  return new Date(ms).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit", hour12: false });
}

/** "3 min ago", for last-sync columns; exact time in a title beside it. */
export function ago(ms: number | null, now: number): string {
  if (ms === null) return "never";
  const s = Math.max(0, Math.round((now - ms) / 1000));
  if (s < 60) return `${s} s ago`;
  if (s < 3600) return `${Math.floor(s / 60)} min ago`;
  if (s < 86_400) return `${Math.floor(s / 3600)} h ago`;
  return dateTime(ms);
}

/** Cents as a plain decimal amount; the event's currency is whatever the host charges in. */
export function money(cents: number): string {
  return (cents / 100).toFixed(2);
}

/** "42%" of a part in a whole; "—" when the whole is zero rather than a misleading 0%. */
export function percent(part: number, whole: number): string {
  if (whole <= 0) return "—";
  return `${Math.round((part / whole) * 100)}%`;
}

/** A clock offset in words: "2 min 5 s fast" means the device's clock is ahead of the server. */
export function offsetWords(offsetMs: number | null): string {
  if (offsetMs === null) return "unknown";
  const abs = Math.abs(offsetMs);
  if (abs < 1500) return "in step";
  const s = Math.round(abs / 1000);
  const text = s >= 60 ? `${Math.floor(s / 60)} min ${s % 60} s` : `${s} s`;
  // offset = server − device: negative means the device is ahead
  return offsetMs < 0 ? `${text} fast` : `${text} slow`;
}

/** A datetime-local input's value for a time, and back. */
export function toLocalInput(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function fromLocalInput(value: string): number | null {
  if (!value) return null;
  const ms = new Date(value).getTime();
  return Number.isFinite(ms) ? ms : null;
}

export function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
