import http from "node:http";
import type { AddressInfo } from "node:net";
import { serve } from "inngest/node";
import { getEnv } from "../lib/env.ts";
import { inngestEndpointPolicy } from "../lib/security/inngest-endpoint-policy.ts";
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
 * Refuses to serve functions that anyone could call (the same policy as the web app's endpoint): outside dev mode
 * requests must be signed (INNGEST_SIGNING_KEY), and dev mode (INNGEST_DEV=1, unsigned requests) only binds to a
 * loopback address. A worker with Inngest not configured at all has nothing to serve.
 */
export function assertWorkerMayServe(host: string): "dev" | "cloud" {
  const policy = inngestEndpointPolicy({ env: getEnv(), boundHost: host });
  if (!policy.enabled) {
    throw new Error(`churnops worker needs INNGEST_SIGNING_KEY (requests from the Inngest server are verified with it), or INNGEST_DEV=1 on a loopback address for development. ${policy.reason}`);
  }
  return policy.mode;
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
