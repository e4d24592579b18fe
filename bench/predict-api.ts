import { spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { closeDb } from "../lib/db/client.ts";
import { startEmbeddedServer } from "../lib/db/embedded-server.ts";
import { resetEnvCache } from "../lib/env.ts";
import { resetArtifactStore } from "../lib/storage/default-artifact-store.ts";
import { frameRows } from "../lib/scoring/testing/synthetic-churn.ts";
import { registerSyntheticModel } from "../lib/scoring/testing/register-synthetic-model.ts";
import { freshDatabase, migrate, useDatabase } from "./bench-helpers.ts";

// `npm run bench -- predict-api`: POST /api/predict with one row at 50 concurrent connections on loopback
// (autocannon), against GET /api/health (one `SELECT 1`) and a route that does nothing (the harness's own floor),
// measured the same way in the same run. Target: p99 ≤ 20 ms.
//
// The route handlers run in a plain node:http server in this process (Request in, Response out, exactly the
// functions Next calls), not in `next build` + `next start`: a production build takes minutes of both cores on the
// shared benchmark machine, and Next's own routing adds the same cost to both routes. The load generator is the
// autocannon CLI in a child process, so it does not share this event loop. The model: a logistic regression (and a
// 20-tree gradient-boosted ensemble) on 36 raw features (6 churn features + 30 numeric), registered through
// lib/registry and resolved per request like in the app (one short statement: a new champion is picked up at once).

const CONNECTIONS = 50;
const SECONDS = Number(process.env.BENCH_PREDICT_SECONDS ?? 10);
const TARGET_P99_MS = 20;
const AUTOCANNON = path.resolve("node_modules/autocannon/autocannon.js");

interface Latency { p50: number; p99: number; mean: number; requests: number; non2xx: number; errors: number }

async function toRequest(req: http.IncomingMessage, port: number): Promise<Request> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const headers = new Headers();
  for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
  const body = req.method === "GET" || req.method === "HEAD" ? undefined : Buffer.concat(chunks);
  return new Request(`http://127.0.0.1:${port}${req.url}`, { method: req.method, headers, body });
}

async function serve(routes: Record<string, (req: Request) => Promise<Response> | Response>): Promise<{ port: number; close(): Promise<void> }> {
  let port = 0;
  const server = http.createServer(async (req, res) => {
    const handler = routes[`${req.method} ${req.url?.split("?")[0]}`];
    if (!handler) return void res.writeHead(404).end();
    const response = await handler(await toRequest(req, port));
    const text = Buffer.from(await response.arrayBuffer());
    res.writeHead(response.status, { "content-type": response.headers.get("content-type") ?? "application/json", "content-length": text.length });
    res.end(text);
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  port = (server.address() as { port: number }).port;
  return { port, close: () => new Promise((r) => server.close(() => r())) };
}

function autocannon(url: string, opts: { method?: string; body?: string; seconds?: number }): Promise<Latency> {
  const args = [AUTOCANNON, "-c", String(CONNECTIONS), "-d", String(opts.seconds ?? SECONDS), "--json"];
  if (opts.method) args.push("-m", opts.method);
  if (opts.body) args.push("-H", "content-type=application/json", "-b", opts.body);
  args.push(url);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (err += d));
    child.on("exit", (code) => {
      if (code !== 0) return reject(new Error(`autocannon exited ${code}: ${err}`));
      const r = JSON.parse(out) as { latency: { p50: number; p99: number; average: number }; requests: { total: number }; non2xx: number; errors: number };
      resolve({ p50: r.latency.p50, p99: r.latency.p99, mean: r.latency.average, requests: r.requests.total, non2xx: r.non2xx, errors: r.errors });
    });
  });
}

async function runEngine(engine: "postgres" | "embedded"): Promise<string[]> {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), "churnops-bench-predict-"));
  process.env.CHURNOPS_HOME = home;
  process.env.CHURNOPS_BOUND_HOST = "127.0.0.1"; // the routes apply the request guard: loopback, no token
  delete process.env.CHURNOPS_ADMIN_TOKEN;
  resetArtifactStore();
  let drop: () => Promise<void>;
  if (engine === "postgres") {
    const db = await freshDatabase("predict");
    await migrate(db.url);
    await useDatabase(db.url);
    drop = db.drop;
  } else {
    const server = await startEmbeddedServer(path.join(home, "pglite"));
    await migrate(server.url);
    await useDatabase(server.url);
    drop = () => server.stop();
  }
  resetEnvCache();
  const lines: string[] = [];
  try {
    const linear = await registerSyntheticModel("bench-linear", "logistic-regression", { rows: 5000, seed: 11, extraNumeric: 30 });
    await registerSyntheticModel("bench-trees", "gradient-boosting", { rows: 5000, seed: 11, extraNumeric: 30 });
    const { POST: predict } = await import("../app/api/predict/route.ts");
    const { GET: health } = await import("../app/api/health/route.ts");
    // The floor of this harness: a route that answers {} without doing anything, measured the same way.
    const server = await serve({ "POST /api/predict": predict, "GET /api/health": () => health(), "GET /noop": () => Response.json({}) });
    const base = `http://127.0.0.1:${server.port}`;
    try {
      const [row] = frameRows(linear.frame, 1);
      const bodies = {
        linear: JSON.stringify({ model: "bench-linear", row }),
        trees: JSON.stringify({ model: "bench-trees", row }),
      };
      // Check the answers once, then warm up (JIT, pool connections, predictor cache).
      for (const body of Object.values(bodies)) {
        const res = await fetch(`${base}/api/predict`, { method: "POST", body, headers: { "content-type": "application/json" } });
        if (res.status !== 200) throw new Error(`POST /api/predict answered ${res.status}: ${await res.text()}`);
      }
      await autocannon(`${base}/noop`, { seconds: 2 });
      await autocannon(`${base}/api/health`, { seconds: 2 });
      await autocannon(`${base}/api/predict`, { method: "POST", body: bodies.linear, seconds: 2 });
      const floor = await autocannon(`${base}/noop`, {});
      const ref = await autocannon(`${base}/api/health`, {});
      const lin = await autocannon(`${base}/api/predict`, { method: "POST", body: bodies.linear });
      const trees = await autocannon(`${base}/api/predict`, { method: "POST", body: bodies.trees });
      const fmt = (name: string, l: Latency) =>
        `${engine.padEnd(9)} ${name.padEnd(38)} p50 ${String(l.p50).padStart(3)} ms  p99 ${String(l.p99).padStart(3)} ms  (${l.requests} requests, ${l.non2xx} non-2xx, ${l.errors} errors)`;
      lines.push(fmt("GET /noop (the harness alone)", floor));
      lines.push(fmt("GET /api/health (reference)", ref));
      lines.push(`${fmt("POST /api/predict, linear, 1 row", lin)}  p99 ratio ${(lin.p99 / Math.max(ref.p99, 1)).toFixed(2)}× health  target p99 ≤ ${TARGET_P99_MS} ms: ${lin.p99 <= TARGET_P99_MS ? "met" : "MISSED"}`);
      lines.push(`${fmt("POST /api/predict, 20 trees, 1 row", trees)}  p99 ratio ${(trees.p99 / Math.max(ref.p99, 1)).toFixed(2)}× health`);
    } finally {
      await server.close();
    }
  } finally {
    await closeDb();
    await drop();
    fs.rmSync(home, { recursive: true, force: true });
  }
  return lines;
}

export async function benchPredictApi(): Promise<void> {
  const engines = (process.env.BENCH_ENGINES ?? "postgres,embedded").split(",").map((e) => e.trim()) as ("postgres" | "embedded")[];
  const lines: string[] = [];
  for (const engine of engines) lines.push(...(await runEngine(engine)));
  console.log(`\npredict-api: ${CONNECTIONS} connections, ${SECONDS} s each, loopback, route handlers in node:http (no next build)`);
  for (const l of lines) console.log(l);
}
