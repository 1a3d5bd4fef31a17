/**
 * A fault-injecting HTTP proxy between simulated devices and the server. Every decision comes
 * from a seeded PRNG, so a failing run can be replayed from its seed. The faults are the ones a
 * venue's network produces: requests lost on the way in, responses lost after the server has
 * committed (the nastiest: the device must retry something that already happened), delays that
 * reorder concurrent requests, and duplicated requests.
 */
import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { randomInt, seededRandom } from "../support/random.js";

export interface FaultRates {
  /** the request never reaches the server; the client sees a dropped connection */
  dropRequest: number;
  /** the server handles the request, then the client sees a dropped connection */
  dropResponse: number;
  /** the request is sent twice; the client gets the second answer */
  duplicate: number;
  /** the request waits up to maxDelayMs first (this is what reorders concurrent requests) */
  delay: number;
  maxDelayMs: number;
}

export const NO_FAULTS: FaultRates = { dropRequest: 0, dropResponse: 0, duplicate: 0, delay: 0, maxDelayMs: 0 };
export const ALL_FAULTS: FaultRates = { dropRequest: 0.08, dropResponse: 0.08, duplicate: 0.08, delay: 0.3, maxDelayMs: 60 };

export interface FaultCounts {
  requests: number;
  droppedRequests: number;
  droppedResponses: number;
  duplicated: number;
  delayed: number;
}

export class FaultProxy {
  private server: Server | undefined;
  private readonly rand: () => number;
  faults: FaultRates;
  readonly counts: FaultCounts = { requests: 0, droppedRequests: 0, droppedResponses: 0, duplicated: 0, delayed: 0 };

  constructor(
    private readonly upstreamPort: () => number,
    seed: number,
    faults: FaultRates,
  ) {
    this.rand = seededRandom(seed ^ 0x5eed);
    this.faults = faults;
  }

  async listen(): Promise<number> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    return (this.server.address() as AddressInfo).port;
  }

  async close(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    this.counts.requests++;
    const body = await readBody(req);
    // Decide every fault up front, so the sequence of PRNG draws does not depend on timing.
    const f = this.faults;
    const dropRequest = this.rand() < f.dropRequest;
    const dropResponse = this.rand() < f.dropResponse;
    const duplicate = this.rand() < f.duplicate;
    const delayMs = this.rand() < f.delay ? randomInt(this.rand, f.maxDelayMs + 1) : 0;
    if (delayMs > 0) {
      this.counts.delayed++;
      await new Promise((r) => setTimeout(r, delayMs));
    }
    if (dropRequest) {
      this.counts.droppedRequests++;
      req.socket.destroy();
      return;
    }
    try {
      let answer = await this.forward(req, body);
      if (duplicate) {
        this.counts.duplicated++;
        answer = await this.forward(req, body);
      }
      if (dropResponse) {
        this.counts.droppedResponses++;
        req.socket.destroy();
        return;
      }
      res.writeHead(answer.status, answer.headers);
      res.end(answer.body);
    } catch {
      // the server is down (killed mid-run): the device sees what it would see on a real network
      req.socket.destroy();
    }
  }

  private forward(req: IncomingMessage, body: Buffer): Promise<{ status: number; headers: Record<string, string>; body: Buffer }> {
    return new Promise((resolve, reject) => {
      const upstream = httpRequest(
        { host: "127.0.0.1", port: this.upstreamPort(), method: req.method, path: req.url, headers: { ...req.headers, connection: "close" } },
        (res) => {
          void readBody(res).then((b) => {
            const headers: Record<string, string> = {};
            for (const [k, v] of Object.entries(res.headers)) if (typeof v === "string" && k !== "transfer-encoding" && k !== "connection") headers[k] = v;
            resolve({ status: res.statusCode ?? 502, headers, body: b });
          }, reject);
        },
      );
      upstream.on("error", reject);
      upstream.end(body);
    });
  }
}

function readBody(stream: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on("data", (c: Buffer) => chunks.push(c));
    stream.on("end", () => resolve(Buffer.concat(chunks)));
    stream.on("error", reject);
  });
}
