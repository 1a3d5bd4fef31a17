/**
 * An in-memory stand-in for the device endpoints of API.md, for the sync client's unit tests:
 * enrollment, a paged roster, idempotent push with contiguous acknowledgement and 409 on a reused
 * seq, and a version-vector pull. Faults (offline, lost answers, 500s) are switched on by tests.
 */
import { canonicalJson, checkEntry, decodeCursor, encodeCursor, type Entry, type RosterPass } from "../../../src/sync/index.js";
import { toHex } from "../../../src/pass/index.js";
import { type SigningKey } from "../../../src/pass/sign.js";
import type { FetchLike } from "../../../src/app/sync/http.js";

export interface Call {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: unknown;
}

export class FakeServer {
  serverTime = Date.UTC(2026, 5, 1, 18, 0, 0) + 1234;
  passes: RosterPass[] = [];
  keys: SigningKey[] = [];
  codes = new Map<string, { deviceId: string; used: boolean }>();
  tokens = new Map<string, string>(); // token → deviceId
  entries = new Map<string, Map<number, Entry>>(); // deviceId → seq → entry
  calls: Call[] = [];
  /** when set, every request fails as if the network were down */
  offline = false;
  /** the next n push requests are stored but their answers lost */
  losePushAnswers = 0;
  /** the next n requests answer 500 */
  fail500 = 0;
  capacity: number | null = 100;
  /** acknowledge no further than this seq, as a server that lost entries would */
  ackCap: number | null = null;
  /** refuse the next n pushes with 400 */
  reject400 = 0;

  constructor(readonly eventId: string) {}

  addDevice(code: string, deviceId: string): void {
    this.codes.set(code, { deviceId, used: false });
  }

  contiguous(deviceId: string): number {
    const m = this.entries.get(deviceId);
    let n = 0;
    while (m?.has(n + 1)) n += 1;
    return n;
  }

  allEntries(): Entry[] {
    return [...this.entries.values()].flatMap((m) => [...m.values()]);
  }

  readonly fetch: FetchLike = async (input, init) => {
    const url = new URL(input, "http://fake.local");
    const headers = Object.fromEntries(Object.entries((init.headers ?? {}) as Record<string, string>));
    const body: unknown = typeof init.body === "string" ? JSON.parse(init.body) : undefined;
    this.calls.push({ method: init.method ?? "GET", path: url.pathname + url.search, headers, body });
    if (this.offline) throw new TypeError("Failed to fetch");
    if (this.fail500 > 0) {
      this.fail500 -= 1;
      return json(500, { error: { code: "INTERNAL", message: "boom" } });
    }
    if (url.pathname === "/api/v1/enroll") return this.enroll(body as { code: string; label: string });
    const deviceId = this.tokens.get((headers.Authorization ?? "").replace(/^Bearer /, ""));
    if (!deviceId) return json(401, { error: { code: "UNAUTHORIZED", message: "no token" } });
    if (url.pathname === "/api/v1/sync/roster") return this.roster(url);
    if (url.pathname === "/api/v1/sync/push") {
      const res = this.push(deviceId, body as { entries: unknown[] });
      if (this.losePushAnswers > 0) {
        this.losePushAnswers -= 1;
        throw new TypeError("connection reset");
      }
      return res;
    }
    if (url.pathname === "/api/v1/sync/pull") return this.pull(url);
    return json(404, { error: { code: "NOT_FOUND", message: url.pathname } });
  };

  private enroll(body: { code: string; label: string }): Response {
    const c = this.codes.get(body.code);
    if (!c) return json(404, { error: { code: "ENROLLMENT_CODE_NOT_FOUND", message: "unknown code" } });
    if (c.used) return json(410, { error: { code: "ENROLLMENT_CODE_USED", message: "used" } });
    c.used = true;
    const token = `tok-${c.deviceId}`;
    this.tokens.set(token, c.deviceId);
    return json(201, {
      deviceId: c.deviceId,
      token,
      eventId: this.eventId,
      role: "door",
      event: { id: this.eventId, name: "Fake night", startsAt: 0, endsAt: 1, capacity: this.capacity },
    });
  }

  private roster(url: URL): Response {
    const offset = Number(url.searchParams.get("cursor") ?? "0");
    const limit = Number(url.searchParams.get("limit") ?? "1000");
    const page = this.passes.slice(offset, offset + limit);
    const next = offset + page.length;
    return json(200, {
      keys: offset === 0 ? this.keys.map((k) => ({ kid: k.kid, publicKey: toHex(k.publicKey) })) : [],
      passes: page,
      revoked: page.filter((p) => p.revoked).map((p) => p.id),
      items: [],
      cursor: String(next),
      more: next < this.passes.length,
      serverTime: this.serverTime,
    });
  }

  private push(deviceId: string, body: { entries: unknown[] }): Response {
    if (this.reject400 > 0) {
      this.reject400 -= 1;
      return json(400, { error: { code: "INVALID_ENTRY", message: "entry 0: rejected for the test" } });
    }
    const checked = body.entries.map((e) => checkEntry(e));
    const bad = checked.findIndex((c) => !c.ok);
    if (bad >= 0) return json(400, { error: { code: "INVALID_ENTRY", message: `entry ${bad} is malformed` } });
    const mine = this.entries.get(deviceId) ?? new Map<number, Entry>();
    let accepted = 0;
    let duplicates = 0;
    for (const c of checked) {
      if (!c.ok) continue;
      const e = c.entry;
      const held = mine.get(e.seq);
      if (held && canonicalJson(held) !== canonicalJson(e)) {
        return json(409, { error: { code: "SEQ_CONFLICT", message: `seq ${e.seq} was already used with other content` } });
      }
    }
    for (const c of checked) {
      if (!c.ok) continue;
      if (mine.has(c.entry.seq)) duplicates += 1;
      else {
        mine.set(c.entry.seq, c.entry);
        accepted += 1;
      }
    }
    this.entries.set(deviceId, mine);
    const through = this.ackCap === null ? this.contiguous(deviceId) : Math.min(this.ackCap, this.contiguous(deviceId));
    return json(200, { ackedThroughSeq: through, accepted, duplicates, serverTime: this.serverTime });
  }

  private pull(url: URL): Response {
    const decoded = decodeCursor(url.searchParams.get("cursor"));
    if (!decoded.ok) return json(400, { error: { code: "INVALID_CURSOR", message: decoded.message } });
    const vector = { ...decoded.vector };
    const limit = Number(url.searchParams.get("limit") ?? "1000");
    const out: Entry[] = [];
    let more = false;
    for (const deviceId of [...this.entries.keys()].sort()) {
      const through = this.contiguous(deviceId);
      for (let seq = (vector[deviceId] ?? 0) + 1; seq <= through; seq++) {
        if (out.length === limit) {
          more = true;
          break;
        }
        out.push(this.entries.get(deviceId)!.get(seq)!);
        vector[deviceId] = seq;
      }
      if (more) break;
    }
    return json(200, { entries: out, cursor: encodeCursor(vector), more, serverTime: this.serverTime });
  }
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
}
