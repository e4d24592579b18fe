import "server-only";
import { getPool } from "../db/client.ts";
import type { RunSummary } from "../pipelines/run-queries.ts";
import { RUN_COLUMNS, runSummaryOf, type RunRow } from "./run-rows.ts";

export const FAILURE_WINDOW_DAYS = 7;

export interface RecentFailures {
  since: string;
  failedRuns: number;
  /** Failed runs stopped by the data gate (bad input data, not a bug). */
  gateFailures: number;
  /** Validation reports that failed (a gate failure has one per failing suite). */
  failedValidations: number;
  /** The newest failed runs, at most `limit`. */
  runs: RunSummary[];
}

/** Failed runs and failed validations of the last seven days. */
export async function recentFailures(now = new Date(), limit = 5): Promise<RecentFailures> {
  const { pool } = await getPool();
  const since = new Date(now.getTime() - FAILURE_WINDOW_DAYS * 24 * 3600 * 1000);
  const [counts, runs, dq] = await Promise.all([
    pool.query<{ failed: number; gate: number }>(
      `SELECT count(*)::int AS failed, count(*) FILTER (WHERE failure_kind = 'data_gate')::int AS gate
         FROM ops.pipeline_runs WHERE status = 'failed' AND created_at >= $1`,
      [since],
    ),
    pool.query<RunRow>(`SELECT ${RUN_COLUMNS} FROM ops.pipeline_runs r WHERE r.status = 'failed' AND r.created_at >= $1 ORDER BY r.created_at DESC, r.id LIMIT $2`, [since, limit]),
    pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM dqm.dq_runs WHERE status = 'failed' AND evaluated_at >= $1`, [since]),
  ]);
  return { since: since.toISOString(), failedRuns: counts.rows[0].failed, gateFailures: counts.rows[0].gate, failedValidations: dq.rows[0].n, runs: runs.rows.map(runSummaryOf) };
}
