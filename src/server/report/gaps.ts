import type { ReportSection } from "./section.js";

export interface SeqRange {
  from: number;
  to: number;
}

export interface DeviceGap {
  deviceId: string;
  deviceLabel: string;
  ackedThroughSeq: number;
  maxSeq: number;
  /** seqs the server has never received, below the highest it holds: entries still on the device */
  missing: SeqRange[];
  /** entries stored past the first gap, not acknowledged or served until it fills */
  heldEntries: number;
  held: SeqRange[];
}

function ranges(seqs: number[]): SeqRange[] {
  const out: SeqRange[] = [];
  for (const s of seqs) {
    const last = out[out.length - 1];
    if (last && s === last.to + 1) last.to = s;
    else out.push({ from: s, to: s });
  }
  return out;
}

/** Per device: which seq ranges are missing and which entries wait behind them. */
export const deviceGaps: ReportSection<DeviceGap[]> = {
  key: "deviceGaps",
  build(ctx) {
    const heldSeqs = new Map<string, number[]>();
    for (const e of ctx.entries) {
      if (!e.held) continue;
      const list = heldSeqs.get(e.device.id) ?? [];
      list.push(e.entry.seq);
      heldSeqs.set(e.device.id, list);
    }
    const out: DeviceGap[] = [];
    for (const d of ctx.devices) {
      const held = (heldSeqs.get(d.id) ?? []).sort((a, b) => a - b);
      if (held.length === 0) continue;
      const present = new Set(held);
      const missing: number[] = [];
      for (let s = d.ackedThroughSeq + 1; s <= held[held.length - 1]!; s++) if (!present.has(s)) missing.push(s);
      out.push({ deviceId: d.id, deviceLabel: d.label, ackedThroughSeq: d.ackedThroughSeq, maxSeq: d.maxSeq, missing: ranges(missing), heldEntries: held.length, held: ranges(held) });
    }
    return out;
  },
};
