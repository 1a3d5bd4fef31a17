/**
 * QR images as SVG markup, made on the device (no network, so the holder page works offline).
 * Pass texts are "DL:" + base45, every character of which is in QR's alphanumeric set: encoding
 * them as one alphanumeric segment keeps the code at version 7 or below at error correction M,
 * small enough for a cracked phone screen or a cheap printer. Links (enrollment) are bytes.
 */
import QRCode, { type QRCodeSegment } from "qrcode";

const ALPHANUMERIC = /^[0-9A-Z $%*+\-./:]*$/;

// Anything else (a link) is left to the library, which picks byte mode for it.
const segmentsOf = (text: string): string | QRCodeSegment[] => (ALPHANUMERIC.test(text) ? [{ data: text, mode: "alphanumeric" }] : text);

export async function qrSvg(text: string, opts: { margin?: number } = {}): Promise<string> {
  return QRCode.toString(segmentsOf(text), { type: "svg", errorCorrectionLevel: "M", margin: opts.margin ?? 4, color: { dark: "#000000", light: "#ffffff" } });
}

/** The same SVG as a data: URL, for an <img> with an alt text (screen readers skip a bare SVG). */
export async function qrDataUrl(text: string, opts: { margin?: number } = {}): Promise<string> {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(await qrSvg(text, opts))}`;
}

/** The QR version the text needs, for tests and for telling the host when a code is unusually dense. */
export function qrVersion(text: string): number {
  return QRCode.create(segmentsOf(text), { errorCorrectionLevel: "M" }).version;
}
