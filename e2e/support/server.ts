/**
 * The real server's host API, as ../../API.md defines it, for tests that need events, passes
 * and enrollment links issued the way a host would issue them.
 */
import type { EventInfo } from "../../src/sync/index.js";
import { BASE_URL, E2E_HOST_TOKEN } from "./env.js";

export interface IssuedPass {
  id: string;
  code: string;
  holder: string;
  tier: string;
}

export type { EventInfo };

export class HostApi {
  constructor(
    readonly baseUrl: string = BASE_URL,
    private readonly token: string = E2E_HOST_TOKEN,
  ) {}

  private async call<T>(method: string, path: string, body?: unknown, expected = [200, 201]): Promise<T> {
    const res = await fetch(this.baseUrl + path, {
      method,
      headers: { authorization: `Bearer ${this.token}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    if (!expected.includes(res.status)) throw new Error(`${method} ${path} answered ${res.status}: ${text.slice(0, 500)}`);
    const type = res.headers.get("content-type") ?? "";
    return (type.includes("json") ? JSON.parse(text) : text) as T;
  }

  async createEvent(opts: { name?: string; capacity?: number } = {}): Promise<EventInfo> {
    const now = Date.now();
    return this.call<EventInfo>("POST", "/api/v1/events", {
      name: opts.name ?? `E2E ${new Date(now).toISOString()}`,
      startsAt: now - 60 * 60_000,
      endsAt: now + 6 * 60 * 60_000,
      ...(opts.capacity === undefined ? {} : { capacity: opts.capacity }),
    });
  }

  async issuePasses(eventId: string, passes: { holder: string; tier: string }[]): Promise<IssuedPass[]> {
    const out = await this.call<{ passes: IssuedPass[] }>("POST", `/api/v1/events/${eventId}/passes`, { passes });
    return out.passes;
  }

  async revoke(eventId: string, passId: string, reason = "refunded"): Promise<void> {
    await this.call("POST", `/api/v1/events/${eventId}/passes/${passId}/revoke`, { reason });
  }

  /** An enrollment link for a new device; the path part is what a phone opens. */
  async enrollment(eventId: string, role: "door" | "volunteer" | "host" = "door"): Promise<{ code: string; url: string; path: string }> {
    const out = await this.call<{ code: string; url: string; expiresAt: number }>("POST", `/api/v1/events/${eventId}/enrollments`, { role });
    const url = new URL(out.url, this.baseUrl);
    return { code: out.code, url: out.url, path: url.pathname + url.search };
  }

  async entriesCsv(eventId: string): Promise<string> {
    return this.call<string>("GET", `/api/v1/events/${eventId}/entries.csv`);
  }

  async report(eventId: string): Promise<unknown> {
    return this.call<unknown>("GET", `/api/v1/events/${eventId}/report`);
  }
}
