/**
 * A fake camera for Chromium: a y4m video of real QR codes, written in plain Node.
 * Chromium plays it with --use-file-for-fake-video-capture and loops it, honouring the frame
 * rate, so a sequence (blank, pass A, blank, pass B …) at a low frame rate shows each code for
 * as long as its segment lasts. The file is read once per browser launch.
 */
import { writeFileSync } from "node:fs";
import QRCode from "qrcode";

export const WIDTH = 640;
export const HEIGHT = 480;

/** What one stretch of the video shows: a QR of `text`, or a white frame when text is null. */
export interface Segment {
  text: string | null;
  frames: number;
}

export interface QrPlacement {
  /** top-left corner of the code's first module, in pixels */
  left: number;
  top: number;
  /** pixels per module */
  scale: number;
  modules: number;
}

/** Where a code of this text lands in the frame: centred, as large as fits with a quiet zone. */
export function placeQr(text: string): QrPlacement {
  const qr = QRCode.create(text, { errorCorrectionLevel: "M" });
  const modules = qr.modules.size;
  // Four modules of quiet zone each side, and a margin, like a phone held at a sensible distance.
  const scale = Math.max(1, Math.floor((Math.min(WIDTH, HEIGHT) - 40) / (modules + 8)));
  const side = modules * scale;
  return { left: Math.floor((WIDTH - side) / 2), top: Math.floor((HEIGHT - side) / 2), scale, modules };
}

/** A white luma plane with the QR of `text` drawn in black. */
export function lumaFrame(text: string | null): Uint8Array {
  const y = new Uint8Array(WIDTH * HEIGHT).fill(235);
  if (text === null) return y;
  const qr = QRCode.create(text, { errorCorrectionLevel: "M" });
  const { left, top, scale, modules } = placeQr(text);
  for (let r = 0; r < modules; r++) {
    for (let c = 0; c < modules; c++) {
      if (!qr.modules.get(r, c)) continue;
      for (let dy = 0; dy < scale; dy++) {
        const row = (top + r * scale + dy) * WIDTH + left + c * scale;
        y.fill(16, row, row + scale);
      }
    }
  }
  return y;
}

/** Writes the segments as one y4m file (4:2:0, grey chroma) and returns its length in frames. */
export function writeY4m(path: string, segments: Segment[], fps: number): number {
  const header = Buffer.from(`YUV4MPEG2 W${WIDTH} H${HEIGHT} F${fps}:1 Ip A1:1 C420jpeg\n`, "ascii");
  const frameTag = Buffer.from("FRAME\n", "ascii");
  const chroma = Buffer.alloc((WIDTH / 2) * (HEIGHT / 2) * 2, 128);
  const cache = new Map<string | null, Buffer>();
  const parts: Buffer[] = [header];
  let frames = 0;
  for (const seg of segments) {
    let luma = cache.get(seg.text);
    if (!luma) {
      luma = Buffer.from(lumaFrame(seg.text));
      cache.set(seg.text, luma);
    }
    for (let i = 0; i < seg.frames; i++) parts.push(frameTag, luma, chroma);
    frames += seg.frames;
  }
  writeFileSync(path, Buffer.concat(parts));
  return frames;
}

/**
 * The usual test video: each code shown for `showSeconds`, with `gapSeconds` of white between
 * them, starting with white, at `fps` frames a second.
 */
export function codesVideo(path: string, codes: string[], opts: { fps?: number; showSeconds?: number; gapSeconds?: number } = {}): number {
  const fps = opts.fps ?? 5;
  const show = Math.max(1, Math.round((opts.showSeconds ?? 1) * fps));
  const gap = Math.max(1, Math.round((opts.gapSeconds ?? 1.5) * fps));
  const segments: Segment[] = [{ text: null, frames: gap }];
  for (const code of codes) segments.push({ text: code, frames: show }, { text: null, frames: gap });
  writeY4m(path, segments, fps);
  return segments.reduce((s, seg) => s + seg.frames, 0) / fps;
}
