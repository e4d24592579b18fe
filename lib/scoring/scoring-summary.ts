import { query, type Queryable } from "../db/sql.ts";

/** The score proxy of a scoring run: how the probabilities are spread, before any label arrives. */
export interface ScoreSummary {
  rows: number;
  mean: number | null;
  p50: number | null;
  p90: number | null;
  p99: number | null;
  highRiskRate: number | null;
}

/**
 * Computed in SQL over the run's predictions: percentile_cont interpolates linearly between order statistics, the
 * same definition as numpy's default quantile, so the numbers match lib/monitoring's scoreSummary() on the same values.
 */
export async function summarisePredictions(runId: string, highRiskThreshold: number, client?: Queryable): Promise<ScoreSummary> {
  const [r] = await query<{ rows: number; mean: number | null; p50: number | null; p90: number | null; p99: number | null; high: number | null }>(
    `SELECT count(*)::int AS rows, avg(probability) AS mean,
            percentile_cont(0.5) WITHIN GROUP (ORDER BY probability) AS p50,
            percentile_cont(0.9) WITHIN GROUP (ORDER BY probability) AS p90,
            percentile_cont(0.99) WITHIN GROUP (ORDER BY probability) AS p99,
            avg((probability >= $2::float8)::int)::float8 AS high
       FROM ops.predictions WHERE run_id = $1`,
    [runId, highRiskThreshold],
    client,
  );
  return { rows: r!.rows, mean: r!.mean, p50: r!.p50, p90: r!.p90, p99: r!.p99, highRiskRate: r!.high };
}
