/**
 * `npm run bench`: runs every benchmark one after another (they share two cores; running them
 * together would measure the contention), gathers their figures into bench/results.json, prints
 * one table, and writes the same table into README.md between the bench markers.
 * `npm run bench -- pass-verify js-size` runs only the named ones.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { meets, type BenchResult, type Figure } from "./lib/figures.js";

interface Bench {
  name: string;
  script: string;
  /** run `vite build` first: the bench reads or serves dist/ */
  needsBuild?: boolean;
}

const BENCHES: Bench[] = [
  { name: "pass-verify", script: "bench/pass-verify.ts" },
  { name: "sync-ingest", script: "bench/sync-ingest.ts" },
  { name: "verdict-latency", script: "bench/verdict-latency.ts", needsBuild: true },
  { name: "roster-load", script: "bench/roster-load.ts", needsBuild: true },
  { name: "camera-to-verdict", script: "bench/camera-to-verdict.ts", needsBuild: true },
  { name: "offline-reload", script: "bench/offline-reload.ts", needsBuild: true },
  { name: "js-size", script: "bench/js-size.ts", needsBuild: true },
];

const root = new URL("../", import.meta.url).pathname;
const only = process.argv.slice(2).filter((a) => !a.startsWith("-"));
const selected = only.length > 0 ? BENCHES.filter((b) => only.includes(b.name)) : BENCHES;
const results: (BenchResult & { error?: string; seconds: number })[] = [];

if (selected.some((b) => b.needsBuild)) {
  const build = spawnSync("npx", ["vite", "build", "--logLevel", "warn"], { cwd: root, stdio: "inherit" });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

for (const b of selected) {
  process.stderr.write(`\n== ${b.name}\n`);
  const started = Date.now();
  if (!existsSync(root + b.script)) {
    results.push({ bench: b.name, figures: [], error: `${b.script} does not exist yet`, seconds: 0 });
    continue;
  }
  const run = spawnSync("npx", ["tsx", b.script], { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"], timeout: 15 * 60_000 });
  const seconds = Math.round((Date.now() - started) / 100) / 10;
  const last = run.stdout.trim().split("\n").pop() ?? "";
  try {
    const parsed = JSON.parse(last) as BenchResult;
    results.push({ ...parsed, seconds, ...(run.status === 0 ? {} : { error: `exited with ${run.status}` }) });
  } catch {
    results.push({ bench: b.name, figures: [], error: `exited with ${run.status} and no JSON result`, seconds });
  }
}

const rows: string[] = ["| figure | value | target | met |", "|---|---|---|---|"];
for (const r of results) {
  if (r.error && r.figures.length === 0) rows.push(`| ${r.bench} | — | — | ${r.error} |`);
  for (const f of r.figures) rows.push(`| ${f.name} | ${f.value} ${f.unit} | ${target(f)} | ${verdict(f)} |`);
}
const table = rows.join("\n");

const payload = { ranAt: new Date().toISOString(), machine: { cpus: cpus().length, cpu: cpus()[0]?.model ?? "unknown", node: process.version }, results };
writeFileSync(root + "bench/results.json", JSON.stringify(payload, null, 2) + "\n");
process.stdout.write(table + "\n");

// Only a full run rewrites README: a partial table would hide the figures it did not measure.
if (only.length === 0) {
  const readme = readFileSync(root + "README.md", "utf8");
  const block = `<!-- bench:start -->\nMeasured ${payload.ranAt.slice(0, 10)} on ${payload.machine.cpus} cores, Node ${process.version} (\`npm run bench\`):\n\n${table}\n<!-- bench:end -->`;
  const next = readme.replace(/<!-- bench:start -->[\s\S]*<!-- bench:end -->/, block);
  if (next !== readme) writeFileSync(root + "README.md", next);
}

function target(f: Figure): string {
  if (f.target === undefined) return "—";
  return `${f.better === "lower" ? "≤" : "≥"} ${f.target} ${f.unit}`;
}

function verdict(f: Figure): string {
  const m = meets(f);
  return m === null ? "" : m ? "yes" : "**no**";
}
