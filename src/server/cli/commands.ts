/**
 * The CLI's commands. Each calls the same domain functions as the API routes, with the same
 * validation, so a scripted host and the host console can never disagree about what is valid.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { MAX_ISSUE_PASSES, ROLES, type Role } from "../../sync/index.js";
import { createEnrollment } from "../domain/enrollment.js";
import { createEvent, getEvent, listEvents, newEventSchema } from "../domain/events.js";
import { issuePasses, issuePassesSchema, revokePass, type IssuedPass, type NewPass } from "../domain/passes.js";
import { parseWith } from "../http/body.js";
import { ApiError } from "../http/errors.js";
import { eventIdParam, passIdParam } from "../http/params.js";
import { csvCell, csvRecords } from "../../sync/csv.js";
import { entriesCsv } from "../report/csv.js";
import { buildReport } from "../report/index.js";
import type { Storage } from "../storage/port.js";

export interface CliContext {
  storage: Storage;
  /** where enrollment links point: PUBLIC_URL, or the local server */
  origin: string;
  out: (text: string) => void;
}

export const USAGE = `Usage: npm run doorlist -- <command> [options]

  create-event --name NAME --starts TIME --ends TIME [--capacity N]
  list-events
  import-roster EVENT_ID ROSTER.csv [--out CODES.csv]
      ROSTER.csv has a header row: holder, tier, and optionally validFrom, validUntil
      (ISO time or ms) and entitlements ("tote=1;drink=2")
  issue-passes EVENT_ID --tier TIER --count N [--holder PREFIX] [--out CODES.csv]
  enroll EVENT_ID --role door|volunteer|host [--label LABEL] [--ttl-minutes N]
  revoke-pass EVENT_ID PASS_ID [--reason REASON]
  export-log EVENT_ID [--out ENTRIES.csv]
  report EVENT_ID

TIME is an ISO 8601 time (2026-11-28T18:00:00Z) or milliseconds since the epoch.
The store is the server's: DATABASE_URL, or PGlite in DATA_DIR (stop the server first: PGlite
allows one process at a time).`;

const fail = (message: string): never => {
  throw new ApiError("INVALID_BODY", message);
};

function time(value: string | undefined, name: string): number | undefined {
  if (value === undefined || value === "") return undefined;
  const ms = /^\d+$/.test(value) ? Number(value) : Date.parse(value);
  if (!Number.isFinite(ms)) fail(`${name}: "${value}" is not an ISO time or milliseconds.`);
  return ms;
}

function entitlements(value: string | undefined, line: number): Record<string, number> | undefined {
  if (!value) return undefined;
  const out: Record<string, number> = {};
  for (const part of value.split(";").map((p) => p.trim()).filter(Boolean)) {
    const m = /^([^=]+)=(\d+)$/.exec(part);
    if (!m) fail(`line ${line}: entitlements must look like "tote=1;drink=2", got "${value}".`);
    out[m![1]!.trim()] = Number(m![2]);
  }
  return out;
}

export function codesCsv(passes: IssuedPass[]): string {
  const lines = ["id,holder,tier,code", ...passes.map((p) => [p.id, p.holder, p.tier, p.code].map(csvCell).join(","))];
  return lines.join("\r\n") + "\r\n";
}

async function issueInChunks(storage: Storage, eventId: string, passes: NewPass[]): Promise<IssuedPass[]> {
  const out: IssuedPass[] = [];
  for (let i = 0; i < passes.length; i += MAX_ISSUE_PASSES) {
    out.push(...(await issuePasses(storage, eventId, passes.slice(i, i + MAX_ISSUE_PASSES))));
  }
  return out;
}

function emit(ctx: CliContext, text: string, file: string | undefined): void {
  if (file) {
    writeFileSync(file, text);
  } else ctx.out(text);
}

export async function runCommand(argv: string[], ctx: CliContext): Promise<void> {
  const [command, ...rest] = argv;
  const { values: o, positionals: args } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      name: { type: "string" },
      starts: { type: "string" },
      ends: { type: "string" },
      capacity: { type: "string" },
      out: { type: "string" },
      tier: { type: "string" },
      count: { type: "string" },
      holder: { type: "string" },
      role: { type: "string" },
      label: { type: "string" },
      "ttl-minutes": { type: "string" },
      reason: { type: "string" },
    },
  });
  const eventArg = async () => {
    const id = eventIdParam(args[0] ?? fail("Give the event id as the first argument (see list-events)."));
    await getEvent(ctx.storage, id);
    return id;
  };

  switch (command) {
    case "create-event": {
      const input = parseWith(newEventSchema, {
        name: o.name,
        startsAt: time(o.starts, "--starts"),
        endsAt: time(o.ends, "--ends"),
        capacity: o.capacity === undefined ? undefined : Number(o.capacity),
      });
      ctx.out(JSON.stringify(await createEvent(ctx.storage, input), null, 2) + "\n");
      return;
    }
    case "list-events":
      ctx.out(JSON.stringify(await listEvents(ctx.storage), null, 2) + "\n");
      return;
    case "import-roster": {
      const eventId = await eventArg();
      const file = args[1] ?? fail("Give the roster CSV file as the second argument.");
      const records = csvRecords(readFileSync(file, "utf8"), { trimValues: true });
      if (records.length === 0) fail(`${file} has no rows under its header.`);
      const passes = records.map((r, i) => ({
        holder: r.holder ?? r.name,
        tier: r.tier,
        validFrom: time(r.validfrom, `line ${i + 2} validFrom`),
        validUntil: time(r.validuntil, `line ${i + 2} validUntil`),
        entitlements: entitlements(r.entitlements, i + 2),
      }));
      // validated whole before anything is issued, so a bad line 9,000 issues nothing
      const valid = passes.map((p, i) => {
        try {
          return parseWith(issuePassesSchema, { passes: [p] }).passes[0]!;
        } catch (err) {
          throw new ApiError("INVALID_BODY", `line ${i + 2} of ${file}: ${(err as Error).message.replace(/^passes\.0\./, "")}`);
        }
      });
      const issued = await issueInChunks(ctx.storage, eventId, valid);
      emit(ctx, codesCsv(issued), o.out);
      if (o.out) ctx.out(`Issued ${issued.length} passes; codes written to ${o.out}\n`);
      return;
    }
    case "issue-passes": {
      const eventId = await eventArg();
      const count = Number(o.count);
      if (!Number.isInteger(count) || count < 1 || count > 1_000_000) fail("--count must be a whole number from 1 to 1,000,000.");
      const prefix = o.holder ?? "Guest";
      const width = String(count).length;
      const passes = Array.from({ length: count }, (_, i) => ({ holder: `${prefix} ${String(i + 1).padStart(width, "0")}`, tier: o.tier }));
      // every pass differs only in its holder, so checking the first checks them all
      parseWith(issuePassesSchema, { passes: passes.slice(0, 1) });
      const valid = passes as NewPass[];
      const issued = await issueInChunks(ctx.storage, eventId, valid);
      emit(ctx, codesCsv(issued), o.out);
      if (o.out) ctx.out(`Issued ${issued.length} passes; codes written to ${o.out}\n`);
      return;
    }
    case "enroll": {
      const eventId = await eventArg();
      if (!ROLES.includes(o.role as Role)) fail(`--role must be one of ${ROLES.join(", ")}.`);
      const ttl = o["ttl-minutes"] === undefined ? undefined : Number(o["ttl-minutes"]) * 60_000;
      if (ttl !== undefined && (!Number.isInteger(ttl) || ttl <= 0)) fail("--ttl-minutes must be a whole number of minutes.");
      const e = await createEnrollment(ctx.storage, eventId, o.role as Role, o.label ?? null, ttl);
      const url = `${ctx.origin.replace(/\/+$/, "")}/enroll?code=${encodeURIComponent(e.code)}`;
      ctx.out(JSON.stringify({ code: e.code, url, expiresAt: e.expiresAt, expires: new Date(e.expiresAt).toISOString() }, null, 2) + "\n");
      return;
    }
    case "revoke-pass": {
      const eventId = await eventArg();
      const passId = passIdParam(args[1] ?? fail("Give the pass id as the second argument."));
      ctx.out(JSON.stringify(await revokePass(ctx.storage, eventId, passId, o.reason ?? null), null, 2) + "\n");
      return;
    }
    case "export-log": {
      const eventId = await eventArg();
      emit(ctx, await entriesCsv(ctx.storage, eventId), o.out);
      return;
    }
    case "report": {
      const eventId = await eventArg();
      ctx.out(JSON.stringify(await buildReport(ctx.storage, eventId), null, 2) + "\n");
      return;
    }
    default:
      throw new ApiError("NOT_FOUND", command ? `There is no command "${command}".\n\n${USAGE}` : USAGE);
  }
}
