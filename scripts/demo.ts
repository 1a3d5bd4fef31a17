/**
 * `npm run demo`: a demo event with 500 passes and a door enrollment, on a running server, and
 * where to open each piece, so a newcomer scans a pass from one tab into another in minutes.
 *
 *   npm run demo                                   server on PORT (8080), token from HOST_TOKEN
 *   npm run demo -- 'http://localhost:8080/host#token=…'   the sign-in link printed at first start
 *
 * When no server answers, it starts one (npm start's server, without the build) and stays in the
 * foreground until Ctrl-C; a first start's new host token is read from that server's output.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { DEMO_ITEM, DEMO_TIERS, demoEvent, demoGuests } from "../src/app/host/setup/demoData.js";
import { holderPath } from "../src/app/holder/link.js";

const PASSES = 500;
const arg = process.argv[2];
const fromLink = arg && /^https?:\/\//.test(arg) ? new URL(arg) : null;
const scheme = /^(1|true|yes|on)$/i.test(process.env.HTTPS ?? "") ? "https" : "http";
const base = (fromLink?.origin ?? process.env.DOORLIST_URL ?? `${scheme}://localhost:${process.env.PORT ?? 8080}`).replace(/\/+$/, "");
let token = (fromLink ? new URLSearchParams(fromLink.hash.slice(1)).get("token") : arg) || process.env.HOST_TOKEN || null;

if (scheme === "https" || base.startsWith("https:")) {
  // Our own self-signed certificate, on our own machine.
  process.env.NODE_TLS_REJECT_UNAUTHORIZED = "0";
}

async function healthy(): Promise<boolean> {
  try {
    return (await fetch(`${base}/api/v1/health`)).ok;
  } catch {
    return false;
  }
}

function startServer(): Promise<ChildProcess> {
  console.log(`No server answers at ${base}; starting one…`);
  const child = spawn(process.execPath, ["--import", "tsx", "src/server/main.ts"], { stdio: ["ignore", "pipe", "inherit"], env: process.env });
  child.stdout!.on("data", (chunk: Buffer) => {
    const text = chunk.toString();
    process.stdout.write(text);
    const m = /#token=([A-Za-z0-9_-]+)/.exec(text);
    if (m && !token) token = m[1]!;
  });
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const poll = async () => {
      if (child.exitCode !== null) return reject(new Error("the server exited; see its output above"));
      if (await healthy()) return resolve(child);
      if (Date.now() - started > 60_000) return reject(new Error("the server did not answer within a minute"));
      setTimeout(() => void poll(), 300);
    };
    void poll();
  });
}

async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${base}/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    body: body === undefined ? null : JSON.stringify(body),
  });
  const json = (await res.json()) as T & { error?: { code: string; message: string } };
  if (!res.ok) throw new Error(`${method} ${path}: ${json.error?.code ?? res.status} ${json.error?.message ?? ""}`);
  return json;
}

async function main(): Promise<void> {
  const server = (await healthy()) ? null : await startServer();
  // Give a just-started server a moment to print its first-start token line.
  if (server && !token) await new Promise((r) => setTimeout(r, 300));
  if (!token) {
    throw new Error(
      "The demo needs the host token. Run it with the sign-in link the server printed at first start:\n" +
        `  npm run demo -- '${base}/host#token=…'\nor set HOST_TOKEN (the same value the server was started with).`,
    );
  }
  const event = await api<{ id: string; name: string }>("POST", "/events", demoEvent(Date.now()));
  await api("PUT", `/events/${event.id}/tiers`, { tiers: DEMO_TIERS });
  await api("POST", `/events/${event.id}/items`, DEMO_ITEM);
  const { passes } = await api<{ passes: { id: string; code: string; holder: string; tier: string }[] }>("POST", `/events/${event.id}/passes`, { passes: demoGuests(PASSES) });
  const door = await api<{ url: string; code: string }>("POST", `/events/${event.id}/enrollments`, { role: "door", label: "Demo door" });
  const network = await api<{ publicUrl: string | null; secure: boolean; origins: string[] }>("GET", "/host/network");
  const local = ["localhost", "127.0.0.1"].includes(new URL(base).hostname);
  const phoneDoor = local && !network.publicUrl && network.origins[0] ? network.origins[0] + new URL(door.url).pathname + new URL(door.url).search : null;
  const vip = passes.find((p) => p.tier === "VIP")!;
  const ga = passes.find((p) => p.tier === "GA")!;

  console.log(`
Demo event "${event.name}" (${event.id}) with ${passes.length} passes and a door enrollment.

1. Host console (live view):  ${base}/host?event=${event.id}&tab=live#token=${token}
2. Door (open in another tab, or a phone; enrolls once):
                              ${door.url}${phoneDoor ? `\n   on a phone (same Wi-Fi): ${phoneDoor}${network.secure ? "" : "  (needs HTTPS=1 for the camera)"}` : ""}
3. A guest's pass (open it, then point the door's camera at it, or type its code there):
   ${`${vip.holder}, VIP:`.padEnd(27)}${base}${holderPath(vip.id, vip.code)}
   ${`${ga.holder}, GA:`.padEnd(27)}${base}${holderPath(ga.id, ga.code)}
   ${"code to type:".padEnd(27)}${ga.code}

Phones need HTTPS for the camera: HTTPS=1 npm start (README: "HTTPS for phones").`);
  if (server) {
    console.log("\nThe server keeps running here; Ctrl-C stops it.");
    process.on("SIGINT", () => server.kill("SIGINT"));
    await new Promise((r) => server.on("exit", r));
  }
}

main().catch((err: unknown) => {
  console.error(`npm run demo: ${(err as Error).message}`);
  process.exit(1);
});
