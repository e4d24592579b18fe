// The dashboard's web process, started by `churnops serve`: Next's production server (what `next start` runs) behind
// the page micro-cache (page-cache.ts). `node --import ./bin/register-hooks.mjs lib/web/next-server.ts --host H --port P`.
(process.env as Record<string, string>).NODE_ENV = "production"; // as `next start` sets it, before Next loads

import http from "node:http";
import { parseArgs } from "node:util";
import { getEnv } from "../env.ts";
import { createPageCache } from "./page-cache.ts";

const { values } = parseArgs({ options: { host: { type: "string", default: "127.0.0.1" }, port: { type: "string", default: "3000" } } });
const host = values.host!;
const port = Number(values.port);

const { default: next } = await import("next");
const app = next({ dev: false, dir: process.cwd(), hostname: host, port });
const handle = app.getRequestHandler();
await app.prepare();

const freshMs = getEnv().CHURNOPS_PAGE_CACHE_MS;
const cache = createPageCache({ freshMs, staleMs: Math.max(10_000, freshMs * 10), maxEntries: 200, maxBodyBytes: 2 * 1024 * 1024 });

const server = http.createServer((req, res) => {
  cache.handle(req, res, handle).catch((err: unknown) => {
    console.error("web: request failed:", err);
    if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
    res.end("Internal Server Error");
  });
});
server.listen(port, host, () => console.log(`web: ready on http://${host.includes(":") ? `[${host}]` : host}:${port} (page cache ${freshMs} ms)`));

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  server.close();
  server.closeIdleConnections();
  void app.close().finally(() => process.exit(0));
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
