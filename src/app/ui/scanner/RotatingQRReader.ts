import { BrowserQRCodeReader } from "@zxing/browser";
import type { Result } from "@zxing/library";

/**
 * A QR reader that turns each attempt a quarter further. The library's finder-pattern search
 * misses some codes in one orientation and finds them in another: measured on perfectly sharp
 * renders of our own pass codes, about one in ten fails upright, none fails all four ways. A
 * phone's frames vary enough that this rarely matters for long, but a code held still (or a fake
 * camera) can repeat the same failing frame forever. Attempts are ~50 ms apart, so a code that
 * only reads turned is read within ~200 ms. Everything else (stream, loop, stop) is the library's.
 */
export class RotatingQRReader extends BrowserQRCodeReader {
  private attempt = 0;
  private turned: HTMLCanvasElement | null = null;

  override decodeFromCanvas(canvas: HTMLCanvasElement): Result {
    const quarter = this.attempt++ % 4;
    if (quarter === 0) return super.decodeFromCanvas(canvas);
    const out = (this.turned ??= document.createElement("canvas"));
    const sideways = quarter % 2 === 1;
    const width = sideways ? canvas.height : canvas.width;
    const height = sideways ? canvas.width : canvas.height;
    if (out.width !== width) out.width = width;
    if (out.height !== height) out.height = height;
    const ctx = out.getContext("2d", { willReadFrequently: true });
    if (!ctx) return super.decodeFromCanvas(canvas);
    ctx.setTransform(1, 0, 0, 1, width / 2, height / 2);
    ctx.rotate((quarter * Math.PI) / 2);
    ctx.drawImage(canvas, -canvas.width / 2, -canvas.height / 2);
    return super.decodeFromCanvas(out);
  }
}
