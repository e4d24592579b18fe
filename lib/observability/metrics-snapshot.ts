import "server-only";
import { query } from "../db/sql.ts";

/** What the database-backed gauges show, read in one go. */
export interface MetricsSnapshot {
  runs: { pipeline: string; status: string; count: number }[];
  durations: { pipeline: string; status: string; quantiles: Record<string, number> }[];
  lastFinished: { pipeline: string; status: string; finishedAt: number }[];
  champions: { model: string; version: number; primaryMetric: string; primaryValue: number | null; metrics: Record<string, number> }[];
  /** empty until monitoring.drift_runs exists (it is created by the drift pipelines) */
  drift: { dataset: string; status: string; driftedShare: number | null; maxPsi: number | null; createdAt: number }[];
}

/** Quantiles of run durations, as Prometheus summary labels. */
const QUANTILES = ["0.5", "0.9", "0.99"] as const;

/** Reads every gauge's numbers: five short statements (four when there are no drift runs yet). */
export async function readMetricsSnapshot(): Promise<MetricsSnapshot> {
  const runs = await query<{ pipeline: string; status: string; count: number }>(
    "SELECT pipeline_id AS pipeline, status::text AS status, count(*)::int AS count FROM ops.pipeline_runs GROUP BY 1, 2 ORDER BY 1, 2",
  );
  const durations = await query<{ pipeline: string; status: string; q: number[] }>(
    `SELECT pipeline_id AS pipeline, status::text AS status,
            percentile_cont(ARRAY[${QUANTILES.join(", ")}]::float8[]) WITHIN GROUP (ORDER BY extract(epoch FROM finished_at - started_at)) AS q
       FROM ops.pipeline_runs
      WHERE finished_at IS NOT NULL AND started_at IS NOT NULL AND finished_at > now() - interval '30 days'
      GROUP BY 1, 2 ORDER BY 1, 2`,
  );
  const lastFinished = await query<{ pipeline: string; status: string; at: number }>(
    `SELECT DISTINCT ON (pipeline_id) pipeline_id AS pipeline, status::text AS status, extract(epoch FROM finished_at)::float8 AS at
       FROM ops.pipeline_runs WHERE finished_at IS NOT NULL ORDER BY pipeline_id, finished_at DESC`,
  );
  const champions = await query<{ model: string; version: number; primary_metric: string; value: number | null; metrics: Record<string, unknown> }>(
    `SELECT m.name AS model, v.version, m.primary_metric, v.primary_metric_value AS value, v.metrics
       FROM ops.registered_models m
       JOIN ops.model_aliases a ON a.model_id = m.id AND a.alias = 'champion'
       JOIN ops.model_versions v ON v.model_id = m.id AND v.version = a.version
      ORDER BY m.name`,
  );
  return {
    runs,
    durations: durations.map((d) => ({ pipeline: d.pipeline, status: d.status, quantiles: Object.fromEntries(QUANTILES.map((q, i) => [q, Number(d.q[i])])) })),
    lastFinished: lastFinished.map((r) => ({ pipeline: r.pipeline, status: r.status, finishedAt: r.at })),
    champions: champions.map((c) => ({ model: c.model, version: c.version, primaryMetric: c.primary_metric, primaryValue: c.value, metrics: numericMetrics(c.metrics) })),
    drift: await latestDriftRuns(),
  };
}

/** The top-level finite numbers of a test report (curves, confusion matrices and bins are not gauges). */
function numericMetrics(report: Record<string, unknown>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(report ?? {})) if (typeof v === "number" && Number.isFinite(v) && /^[a-zA-Z_][a-zA-Z0-9_]*$/.test(k)) out[k] = v;
  return out;
}

/**
 * The newest drift run per dataset from monitoring.drift_runs, when that table exists (to_regclass is null before the
 * drift pipelines' migration): /metrics works on a database that has never run drift.
 */
async function latestDriftRuns(): Promise<MetricsSnapshot["drift"]> {
  const [{ exists }] = await query<{ exists: boolean }>("SELECT to_regclass('monitoring.drift_runs') IS NOT NULL AS exists");
  if (!exists) return [];
  try {
    const rows = await query<{ dataset: string; status: string; drifted_share: number | null; max_psi: number | null; at: number }>(
      `SELECT DISTINCT ON (d.dataset) d.dataset::text AS dataset, d.status::text AS status, d.drifted_share::float8 AS drifted_share,
              d.max_psi::float8 AS max_psi, extract(epoch FROM d.created_at)::float8 AS at
         FROM monitoring.drift_runs d WHERE d.check_kind = 'model-drift' ORDER BY d.dataset, d.created_at DESC`,
    );
    return rows.map((r) => ({ dataset: r.dataset, status: r.status, driftedShare: r.drifted_share, maxPsi: r.max_psi, createdAt: r.at }));
  } catch (e) {
    // The table belongs to the drift pipelines; a shape this query does not know must not take the other gauges down.
    console.error(`metrics: monitoring.drift_runs could not be read (${(e as Error).message}); drift gauges are left out`);
    return [];
  }
}
