/**
 * The implementations behind HostHandlers: one fetch per call, the host token from this browser's
 * storage, and every failure turned into a HostApiError with words (errors.ts). Components call
 * `host(name, args)`; nothing else in the console knows a URL.
 */
import type { EventInfo } from "../../../sync/index.js";
import { MAX_BODY_BYTES, MAX_ISSUE_PASSES } from "../../../sync/protocol.js";
import type { ItemListResponse, LiveView, NetworkInfo, PassListResponse, TierSetting } from "../../../sync/host.js";
import { readToken } from "../auth/token.js";
import { chunkForRequests } from "../roster/validate.js";
import { HostApiError } from "./errors.js";
import type { DeviceInfo, Enrollment, HostArgs, HostHandlers, HostName, HostResult, IssuedPass, ReportView } from "./types.js";

interface RequestOptions {
  method?: string;
  body?: unknown;
  token?: string;
  as?: "json" | "text";
}

async function request<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const token = opts.token ?? readToken();
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (opts.body !== undefined) headers["content-type"] = "application/json";
  let res: Response;
  try {
    res = await fetch(`/api/v1${path}`, {
      method: opts.method ?? "GET",
      headers,
      body: opts.body === undefined ? null : JSON.stringify(opts.body),
    });
  } catch (err) {
    throw new HostApiError("NETWORK", 0, (err as Error).message);
  }
  if (!res.ok) {
    let code = `HTTP_${res.status}`;
    let message = res.statusText;
    try {
      const body = (await res.json()) as { error?: { code?: string; message?: string } };
      code = body.error?.code ?? code;
      message = body.error?.message ?? message;
    } catch {
      // not JSON (a proxy's error page): the status is all there is
    }
    throw new HostApiError(code, res.status, message);
  }
  return (opts.as === "text" ? await res.text() : await res.json()) as T;
}

const ev = (eventId: string) => `/events/${encodeURIComponent(eventId)}`;

const handlers: HostHandlers = {
  "auth/check": async ({ token }) => {
    try {
      await request("/events", { token });
      return true;
    } catch (err) {
      if (err instanceof HostApiError && (err.status === 401 || err.status === 403)) return false;
      throw err;
    }
  },
  "host/network": () => request<NetworkInfo>("/host/network"),
  "events/list": async () => (await request<{ events: EventInfo[] }>("/events")).events,
  "events/create": (args) => request<EventInfo>("/events", { method: "POST", body: args }),
  "events/update": ({ eventId, ...patch }) => request<EventInfo>(ev(eventId), { method: "PATCH", body: patch }),
  "tiers/get": async ({ eventId }) => (await request<{ tiers: TierSetting[] }>(`${ev(eventId)}/tiers`)).tiers,
  "tiers/save": async ({ eventId, tiers }) => (await request<{ tiers: TierSetting[] }>(`${ev(eventId)}/tiers`, { method: "PUT", body: { tiers } })).tiers,
  "items/list": async ({ eventId }) => (await request<ItemListResponse>(`${ev(eventId)}/items`)).items,
  "items/put": async ({ eventId, ...item }) => {
    await request(`${ev(eventId)}/items`, { method: "POST", body: item });
  },
  "passes/list": ({ eventId, offset, limit, q }) => {
    const params = new URLSearchParams({ offset: String(offset), limit: String(limit) });
    if (q) params.set("q", q);
    return request<PassListResponse>(`${ev(eventId)}/passes?${params.toString()}`);
  },
  "passes/issue": async ({ eventId, passes, onProgress }) => {
    // Requests of at most 10,000 passes and well under the 2 MiB body limit (API.md). Each is
    // all-or-nothing on the server, so after a failure the passes issued so far stand and the
    // error says how far it got.
    const out: IssuedPass[] = [];
    for (const part of chunkForRequests(passes, MAX_ISSUE_PASSES, Math.floor(MAX_BODY_BYTES * 0.9))) {
      try {
        const res = await request<{ passes: IssuedPass[] }>(`${ev(eventId)}/passes`, { method: "POST", body: { passes: part } });
        out.push(...res.passes);
      } catch (err) {
        if (err instanceof HostApiError && out.length > 0) {
          throw new HostApiError(err.code, err.status, `${out.length} of ${passes.length} passes were issued before this failed: ${err.detail}`);
        }
        throw err;
      }
      onProgress?.({ issued: out.length, total: passes.length });
    }
    return out;
  },
  "passes/revoke": async ({ eventId, passId, reason }) => {
    await request(`${ev(eventId)}/passes/${encodeURIComponent(passId)}/revoke`, { method: "POST", body: reason ? { reason } : {} });
  },
  "enrollments/create": ({ eventId, role, label }) =>
    request<Enrollment>(`${ev(eventId)}/enrollments`, { method: "POST", body: label ? { role, label } : { role } }),
  "devices/list": async ({ eventId }) => (await request<{ devices: DeviceInfo[] }>(`${ev(eventId)}/devices`)).devices,
  "devices/revoke": async ({ eventId, deviceId }) => {
    await request(`${ev(eventId)}/devices/${encodeURIComponent(deviceId)}/revoke`, { method: "POST", body: {} });
  },
  "live/get": ({ eventId }) => request<LiveView>(`${ev(eventId)}/live`),
  "report/get": ({ eventId }) => request<ReportView>(`${ev(eventId)}/report`),
  "report/entries": ({ eventId, passId, deviceId, ids }) => {
    const params = new URLSearchParams();
    if (passId) params.set("passId", passId);
    if (deviceId) params.set("deviceId", deviceId);
    if (ids) params.set("ids", ids.join(","));
    return request(`${ev(eventId)}/entries?${params.toString()}`);
  },
  "export/csv": async ({ eventId, which }) => {
    const file = which === "entries" ? "entries.csv" : "report.csv";
    const text = await request<string>(`${ev(eventId)}/${file}`, { as: "text" });
    return { filename: `doorlist-${eventId}-${file}`, text };
  },
};

export function host<K extends HostName>(name: K, args: HostArgs<K>): Promise<HostResult<K>> {
  const fn = handlers[name] as (a: HostArgs<K>) => Promise<HostResult<K>>;
  return fn(args);
}
