import type { Hono } from "hono";
import { createApp } from "../../../src/server/app.js";
import { hashSecret } from "../../../src/server/domain/secrets.js";
import type { AppEnv } from "../../../src/server/http/context.js";
import type { Storage } from "../../../src/server/storage/port.js";
import type { Entry, EventInfo, Role } from "../../../src/sync/index.js";

export const HOST_TOKEN = "test-host-token-0123456789abcdef";

export interface Answer<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/** The API in-process: requests go through app.request(), no sockets. */
export class TestApi {
  readonly app: Hono<AppEnv>;
  constructor(readonly storage: Storage, opts: { publicUrl?: string; now?: () => number } = {}) {
    this.app = createApp({ storage, hostTokenHash: hashSecret(HOST_TOKEN), publicUrl: opts.publicUrl, now: opts.now });
  }

  async call<T = any>(method: string, path: string, opts: { token?: string | null; body?: unknown; raw?: string; headers?: Record<string, string> } = {}): Promise<Answer<T>> {
    const headers: Record<string, string> = { ...opts.headers };
    const token = opts.token === undefined ? HOST_TOKEN : opts.token;
    if (token) headers.authorization = `Bearer ${token}`;
    let body: string | undefined = opts.raw;
    if (opts.body !== undefined) {
      body = JSON.stringify(opts.body);
      headers["content-type"] = "application/json";
    }
    const res = await this.app.request(path, { method, headers, body });
    const text = await res.text();
    let parsed: unknown = text;
    if ((res.headers.get("content-type") ?? "").includes("json")) parsed = JSON.parse(text);
    return { status: res.status, body: parsed as T, headers: res.headers };
  }

  /** A call that must succeed: its parsed body, or an error naming the status and answer. */
  async ok<T = any>(method: string, path: string, body?: unknown): Promise<T> {
    const r = await this.call<T>(method, path, body === undefined ? {} : { body });
    if (r.status >= 300) throw new Error(`${method} ${path}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  }

  async createEvent(overrides: Partial<{ name: string; startsAt: number; endsAt: number; capacity: number | null }> = {}): Promise<EventInfo> {
    const r = await this.call("POST", "/api/v1/events", {
      body: { name: "Test night", startsAt: 1_790_000_000_000, endsAt: 1_790_010_000_000, capacity: 200, ...overrides },
    });
    if (r.status !== 201) throw new Error(`createEvent: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  }

  async enroll(eventId: string, role: Role = "door", label = `${role} device`): Promise<TestDevice> {
    const e = await this.call("POST", `/api/v1/events/${eventId}/enrollments`, { body: { role } });
    if (e.status !== 201) throw new Error(`enrollment: ${e.status} ${JSON.stringify(e.body)}`);
    const d = await this.call("POST", "/api/v1/enroll", { token: null, body: { code: e.body.code, label } });
    if (d.status !== 201) throw new Error(`enroll: ${d.status} ${JSON.stringify(d.body)}`);
    return new TestDevice(this, d.body.deviceId, d.body.token, eventId);
  }
}

export class TestDevice {
  private nextSeq = 1;
  constructor(
    readonly api: TestApi,
    readonly id: string,
    readonly token: string,
    readonly eventId: string,
  ) {}

  /** Makes the next entry of this device (not pushed). */
  entry(partial: Partial<Entry> & { type?: Entry["type"] } = {}): Entry {
    const seq = partial.seq ?? this.nextSeq;
    this.nextSeq = Math.max(this.nextSeq, seq + 1);
    return {
      id: `${this.id}-${seq}`,
      deviceId: this.id,
      seq,
      type: "admit",
      at: 1_790_000_100_000 + seq * 1000,
      passId: "aaaaaaaaaaaa",
      ...partial,
    } as Entry;
  }

  push(entries: unknown[], headers: Record<string, string> = {}) {
    return this.api.call("POST", "/api/v1/sync/push", { token: this.token, body: { entries }, headers });
  }

  pull(cursor?: string, limit?: number) {
    const q = new URLSearchParams();
    if (cursor) q.set("cursor", cursor);
    if (limit) q.set("limit", String(limit));
    return this.api.call("GET", `/api/v1/sync/pull?${q}`, { token: this.token });
  }

  roster(cursor?: string, limit?: number) {
    const q = new URLSearchParams();
    if (cursor) q.set("cursor", cursor);
    if (limit) q.set("limit", String(limit));
    return this.api.call("GET", `/api/v1/sync/roster?${q}`, { token: this.token });
  }

  /** Pulls every page from the cursor on; returns the entries and the final cursor. */
  async pullAll(cursor?: string, limit?: number): Promise<{ entries: Entry[]; cursor: string }> {
    const entries: Entry[] = [];
    for (;;) {
      const r = await this.pull(cursor, limit);
      if (r.status !== 200) throw new Error(`pull: ${r.status} ${JSON.stringify(r.body)}`);
      entries.push(...r.body.entries);
      cursor = r.body.cursor;
      if (!r.body.more) return { entries, cursor: cursor! };
    }
  }
}
