/**
 * The long chaos run: `npm run chaos -- --devices 50 --entries 2000 --seed 7 [--store postgres] [--kills 2]`.
 * Prints a JSON report; exits 1 if any promise was broken. For store postgres it uses
 * TEST_DATABASE_URL (or DATABASE_URL) as an admin URL and makes a fresh database.
 */
import { parseArgs } from "node:util";
import { runChaos } from "./harness.js";

const { values } = parseArgs({
  options: {
    devices: { type: "string", default: "50" },
    entries: { type: "string", default: "2000" },
    seed: { type: "string", default: "1" },
    store: { type: "string", default: "pglite" },
    kills: { type: "string", default: "2" },
  },
});
const store = values.store === "postgres" ? "postgres" : "pglite";
const report = await runChaos({
  devices: Number(values.devices),
  entries: Number(values.entries),
  seed: Number(values.seed),
  kills: Number(values.kills),
  store,
  databaseUrl: process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL,
  log: (line) => process.stderr.write(line + "\n"),
});
process.stdout.write(JSON.stringify({ ...report, violations: report.violations.slice(0, 50), violationCount: report.violations.length }, null, 2) + "\n");
process.exit(report.violations.length === 0 ? 0 : 1);
