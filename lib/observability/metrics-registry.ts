import "server-only";
import client from "prom-client";
import { collectDatabaseMetrics } from "./database-metrics.ts";

// The one Prometheus registry of a process, with the metrics the app updates as it serves (request latency,
// predictions) and the ones read from the database at scrape time (runs, champions, drift: database-metrics.ts).
// Kept on globalThis: Next may evaluate this module once per route bundle, and two registries would split the counts.

export interface AppMetrics {
  registry: client.Registry;
  /** API request latency by route template (not the raw URL: ids would explode the series) */
  httpDuration: client.Histogram<"route" | "method" | "status">;
  /** rows scored by POST /api/predict, by model */
  predictionsServed: client.Counter<"model">;
}

const KEY = Symbol.for("churnops.metrics");
type Holder = { [KEY]?: AppMetrics };

/**
 * Buckets in seconds: the predict target is p99 ≤ 20 ms, so the low end is fine-grained; pages and CSV exports can
 * take seconds.
 */
const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

function create(): AppMetrics {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry, prefix: "churnops_" });
  const httpDuration = new client.Histogram({
    name: "churnops_http_request_duration_seconds",
    help: "Latency of API requests served by this process, by route template, method and status code.",
    labelNames: ["route", "method", "status"] as const,
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  const predictionsServed = new client.Counter({
    name: "churnops_predictions_served_total",
    help: "Rows scored through POST /api/predict by this process, by model.",
    labelNames: ["model"] as const,
    registers: [registry],
  });
  collectDatabaseMetrics(registry);
  return { registry, httpDuration, predictionsServed };
}

export function appMetrics(): AppMetrics {
  const holder = globalThis as Holder;
  holder[KEY] ??= create();
  return holder[KEY];
}

/** The exposition text and its content type (text/plain; version=0.0.4). */
export async function renderMetrics(): Promise<{ text: string; contentType: string }> {
  const { registry } = appMetrics();
  return { text: await registry.metrics(), contentType: registry.contentType };
}
