import http from "node:http";
import type { AddressInfo } from "node:net";
import { serve } from "inngest/node";
import { getEnv, isLoopbackHost } from "../lib/env.ts";
import { inngest } from "./client.ts";
import { functions } from "./index.ts";

// `churnops worker`: a plain Node process serving the Inngest functions on its own port, so pipeline steps (and
// training) run outside the web process. Production points the Inngest server at one or more workers
// (INNGEST_SDK_URL=http://worker-1:3030/api/inngest,...); more workers is how churnops scales.

export const WORKER_PATH = "/api/inngest";

export interface Worker {
  url: string;
  close(): Promise<void>;
}

/**
 * Refuses to serve functions that anyone could call: outside dev mode requests must be signed (INNGEST_SIGNING_KEY),
 * and dev mode (INNGEST_DEV=1, unsigned requests) only binds to a loopback address.
 */
export function assertWorkerMayServe(host: string): "dev" | "cloud" {
  const env = getEnv();
  const dev = env.INNGEST_DEV !== undefined && !["0", "false", "no"].includes(env.INNGEST_DEV);
  if (dev) {
    if (!isLoopbackHost(host)) throw new Error(`INNGEST_DEV accepts unsigned requests, so the worker only binds to a loopback address in dev mode (asked for ${host}). To fix: set INNGEST_SIGNING_KEY and unset INNGEST_DEV, or bind to 127.0.0.1.`);
    return "dev";
  }
  if (!env.INNGEST_SIGNING_KEY) throw new Error("churnops worker needs INNGEST_SIGNING_KEY (requests from the Inngest server are verified with it), or INNGEST_DEV=1 on a loopback address for development.");
  return "cloud";
}

export async function startWorker(options: { host: string; port: number }): Promise<Worker> {
  assertWorkerMayServe(options.host);
  const handler = serve({ client: inngest, functions, servePath: WORKER_PATH });
  const server = http.createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0];
    if (path === "/health") {
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ ok: true, functions: functions.length }));
      return;
    }
    if (path !== WORKER_PATH) {
      res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ error: "NOT_FOUND" }));
      return;
    }
    void handler(req, res);
  });
  // Step requests can last as long as a step: never cut them off.
  server.requestTimeout = 0;
  server.headersTimeout = 60_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host.includes(":") ? `[${options.host}]` : options.host;
  return {
    url: `http://${host}:${port}${WORKER_PATH}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
