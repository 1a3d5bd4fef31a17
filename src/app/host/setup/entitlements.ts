/**
 * Entitlements as a host types them: "kit, tote:2" or "kit=1; tote=2". A bare name means one.
 * Pure, so the form can show what it understood before anything is saved.
 */
export type ParsedEntitlements = { ok: true; value: Record<string, number> } | { ok: false; message: string };

export function parseEntitlements(text: string): ParsedEntitlements {
  const value: Record<string, number> = {};
  for (const raw of text.split(/[,;\n]/)) {
    const part = raw.trim();
    if (!part) continue;
    const m = /^([^:=\s][^:=]*?)\s*(?:[:=]\s*(\d+))?$/.exec(part);
    if (!m) return { ok: false, message: `“${part}” is not “name” or “name:count”.` };
    const name = m[1]!.trim();
    const count = m[2] === undefined ? 1 : Number(m[2]);
    if (name.length > 64) return { ok: false, message: `“${name.slice(0, 20)}…” is longer than 64 characters.` };
    if (!Number.isInteger(count) || count < 1 || count > 1000) return { ok: false, message: `The count for “${name}” must be 1 to 1000.` };
    if (name in value) return { ok: false, message: `“${name}” is listed twice.` };
    value[name] = count;
  }
  return { ok: true, value };
}

export function formatEntitlements(value: Record<string, number>): string {
  return Object.entries(value)
    .map(([name, n]) => (n === 1 ? name : `${name}:${n}`))
    .join(", ");
}
