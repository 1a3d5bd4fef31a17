/**
 * The app's JavaScript, gzipped: what a phone downloads before the first screen (the entry
 * chunk and its static imports, as index.html loads them) and everything the service worker
 * precaches. Reads dist/, so run `vite build` first (npm run bench does).
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { printResult, round } from "./lib/figures.js";

const dist = new URL("../dist/", import.meta.url).pathname;
if (!existsSync(join(dist, "index.html"))) {
  console.error("dist/ is missing: run `npx vite build` first");
  process.exit(1);
}

const gz = (path: string) => gzipSync(readFileSync(path)).length;
const html = readFileSync(join(dist, "index.html"), "utf8");
// What the browser fetches before running the app: module scripts and modulepreloads in index.html.
const initial = [...html.matchAll(/<(?:script[^>]+src|link[^>]+rel="modulepreload"[^>]+href)="\/?([^"]+\.js)"/g)].map((m) => m[1]!);
if (initial.length === 0) throw new Error("no script found in dist/index.html");
const initialBytes = initial.reduce((sum, f) => sum + gz(join(dist, f)), 0);
const assets = readdirSync(join(dist, "assets")).filter((f) => f.endsWith(".js"));
const totalBytes = assets.reduce((sum, f) => sum + gz(join(dist, "assets", f)), 0);

printResult({
  bench: "js-size",
  figures: [
    { name: "initial JavaScript, gzipped", value: round(initialBytes / 1024, 1), unit: "KB", target: 150, better: "lower" },
    { name: "total JavaScript, gzipped", value: round(totalBytes / 1024, 1), unit: "KB" },
  ],
  notes: [`initial: ${initial.join(", ")}`],
});
