/**
 * Verdict latency: decoded text to entry committed, on the door's real scan path in headless
 * Chromium, with 100,000 passes in IndexedDB; 1,000 scans (a mix of first admissions, repeats
 * and revoked passes), p50 and p95. Target p95 ≤ 10 ms. Bundles bench/verdict-latency.page.ts
 * with vite and serves it on 127.0.0.1 (a secure context, so WebCrypto's Ed25519 is available).
 */
import { chromium } from "@playwright/test";
import { execFileSync } from "node:child_process";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { build, type Rollup } from "vite";
import { toHex } from "../src/pass/index.js";
import { generateSigningKey, signPass } from "../src/pass/sign.js";
import { percentile, printResult, round } from "./lib/figures.js";
import type { PageInput, PageOutput } from "./verdict-latency.page.js";

const ROSTER = Number(process.env.VERDICT_ROSTER ?? 100_000);
const SCANS = Number(process.env.VERDICT_SCANS ?? 1000);
const WARMUP = 20;
const EVENT = "0a1b2c3d";
const root = new URL("../", import.meta.url).pathname;

const key = generateSigningKey(new Uint8Array(32).fill(3));
const texts: string[] = [];
for (let i = 0; i < SCANS + WARMUP; i++) {
  // every 10th scan repeats an earlier pass (ALREADY_IN); pass ids spread over the whole roster
  const n = i % 10 === 9 ? ((i - 5) * 7919) % ROSTER : (i * 7919) % ROSTER;
  texts.push(signPass({ eventId: EVENT, passId: n.toString(16).padStart(12, "0"), tier: ["GA", "VIP", "CREW", "PRESS"][n % 4]! }, key).text);
}

const bundle = await build({
  configFile: false,
  root,
  logLevel: "warn",
  build: {
    write: false,
    minify: true,
    lib: { entry: root + "bench/verdict-latency.page.ts", formats: ["iife"], name: "verdictBench", fileName: () => "page.js" },
  },
});
const outputs = (Array.isArray(bundle) ? bundle : [bundle]) as Rollup.RollupOutput[];
const chunk = outputs.flatMap((o) => o.output).find((o): o is Rollup.OutputChunk => o.type === "chunk");
if (!chunk) throw new Error("vite produced no bundle");
const js = chunk.code;

const server = createServer((req, res) => {
  if (req.url === "/page.js") {
    res.writeHead(200, { "content-type": "text/javascript" });
    res.end(js);
    return;
  }
  res.writeHead(200, { "content-type": "text/html" });
  res.end('<!doctype html><meta charset="utf-8"><title>verdict bench</title><script src="/page.js"></script>');
});
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
const port = (server.address() as AddressInfo).port;

const executablePath = process.env.CHROMIUM_PATH ?? execFileSync("which", ["chromium"], { encoding: "utf8" }).trim();
const browser = await chromium.launch({
  executablePath,
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
try {
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${port}/`);
  const input: PageInput = { eventId: EVENT, kid: key.kid, publicKeyHex: toHex(key.publicKey), rosterSize: ROSTER, texts };
  const out = await page.evaluate(
    (arg) => (globalThis as unknown as { runVerdictBench: (i: PageInput) => Promise<PageOutput> }).runVerdictBench(arg),
    input,
  );
  process.stderr.write(`roster of ${ROSTER} loaded in ${round(out.loadMs / 1000, 2)} s; verifier ${out.verifier}; verdicts ${JSON.stringify(out.verdicts)}\n`);
  const p50 = round(percentile(out.samplesMs, 50), 2);
  const p95 = round(percentile(out.samplesMs, 95), 2);
  printResult({
    bench: "verdict-latency",
    figures: [
      { name: "verdict latency p50 (text → entry committed)", value: p50, unit: "ms" },
      { name: "verdict latency p95 (text → entry committed)", value: p95, unit: "ms", target: 10, better: "lower" },
    ],
    notes: [
      `${out.samplesMs.length} scans after ${WARMUP} warm-up and a 3 s settle, ${ROSTER.toLocaleString("en")} passes cached, headless Chromium, ${out.verifier} Ed25519`,
      `verdicts: ${JSON.stringify(out.verdicts)}; entries logged: ${out.logged}`,
    ],
    ...{ p50Ms: p50, p95Ms: p95 },
  });
} finally {
  await browser.close();
  server.close();
}
