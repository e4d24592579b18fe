import client from "prom-client";
import { errorMessage } from "../errors.ts";
import { readMetricsSnapshot, type MetricsSnapshot } from "./metrics-snapshot.ts";

// Gauges read from Postgres when Prometheus scrapes (prom-client calls collect() on every scrape): the numbers are
// the database's, so every web process reports the same values whoever ran the pipeline or trained the model. All
// gauges of one scrape share one snapshot (metrics-snapshot.ts), so a scrape costs a handful of short statements.

/** A snapshot is reused for this long: the gauges of one scrape are collected concurrently. */
const SNAPSHOT_TTL_MS = 1000;

let current: { at: number; snapshot: Promise<MetricsSnapshot | null> } | null = null;

function snapshot(): Promise<MetricsSnapshot | null> {
  const now = Date.now();
  if (!current || now - current.at > SNAPSHOT_TTL_MS) {
    current = {
      at: now,
      snapshot: readMetricsSnapshot().catch((e: unknown) => {
        // A scrape must still answer (with churnops_database_up 0) when the database does not.
        console.error(`metrics: reading the database failed: ${errorMessage(e)}`);
        return null;
      }),
    };
  }
  return current.snapshot;
}

function gauge<L extends string>(registry: client.Registry, name: string, help: string, labelNames: readonly L[], fill: (g: client.Gauge<L>, s: MetricsSnapshot) => void): void {
  new client.Gauge<L>({
    name,
    help,
    labelNames,
    registers: [registry],
    async collect() {
      this.reset();
      const s = await snapshot();
      if (s) fill(this, s);
    },
  });
}

/** Registers the database-backed gauges on `registry`. */
export function collectDatabaseMetrics(registry: client.Registry): void {
  new client.Gauge({
    name: "churnops_database_up",
    help: "1 when the last scrape could read the database, else 0 (then the other churnops_* database gauges are absent).",
    registers: [registry],
    async collect() {
      this.set((await snapshot()) ? 1 : 0);
    },
  });
  gauge(registry, "churnops_pipeline_runs", "Pipeline runs recorded in ops.pipeline_runs, by pipeline and status (all time).", ["pipeline", "status"], (g, s) => {
    for (const r of s.runs) g.set({ pipeline: r.pipeline, status: r.status }, r.count);
  });
  gauge(registry, "churnops_pipeline_run_duration_seconds", "Duration of pipeline runs finished in the last 30 days, by pipeline, status and quantile (0.5, 0.9, 0.99).", ["pipeline", "status", "quantile"], (g, s) => {
    for (const d of s.durations) for (const [q, v] of Object.entries(d.quantiles)) g.set({ pipeline: d.pipeline, status: d.status, quantile: q }, v);
  });
  gauge(registry, "churnops_pipeline_last_finished_timestamp_seconds", "When the newest finished run of each pipeline ended (Unix seconds), by its status.", ["pipeline", "status"], (g, s) => {
    for (const d of s.lastFinished) g.set({ pipeline: d.pipeline, status: d.status }, d.finishedAt);
  });
  gauge(registry, "churnops_model_champion_version", "The champion version of each registered model.", ["model"], (g, s) => {
    for (const c of s.champions) g.set({ model: c.model }, c.version);
  });
  gauge(registry, "churnops_model_champion_metric", "Test-set metrics of each model's champion (every numeric metric of its report: roc_auc, pr_auc, log_loss, brier, ...).", ["model", "metric"], (g, s) => {
    for (const c of s.champions) for (const [metric, v] of Object.entries(c.metrics)) g.set({ model: c.model, metric }, v);
  });
  gauge(registry, "churnops_model_champion_primary_metric", "The champion's primary metric (the one promotion compares), by model and metric name.", ["model", "metric"], (g, s) => {
    for (const c of s.champions) if (c.primaryValue !== null) g.set({ model: c.model, metric: c.primaryMetric }, c.primaryValue);
  });
  gauge(registry, "churnops_drift_share", "Share of drifted columns in the latest drift run of each dataset (absent until monitoring.drift_runs exists).", ["dataset"], (g, s) => {
    for (const d of s.drift) if (d.driftedShare !== null) g.set({ dataset: d.dataset }, d.driftedShare);
  });
  gauge(registry, "churnops_drift_max_psi", "Largest PSI over the columns of the latest drift run of each dataset.", ["dataset"], (g, s) => {
    for (const d of s.drift) if (d.maxPsi !== null) g.set({ dataset: d.dataset }, d.maxPsi);
  });
  gauge(registry, "churnops_drift_last_run_timestamp_seconds", "When the latest drift run of each dataset was recorded (Unix seconds), with its status.", ["dataset", "status"], (g, s) => {
    for (const d of s.drift) g.set({ dataset: d.dataset, status: d.status }, d.createdAt);
  });
}
