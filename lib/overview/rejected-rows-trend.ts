import "server-only";
import { getPool } from "../db/client.ts";

export const TREND_WINDOW_DAYS = 30;

export interface RejectedRowsPoint {
  /** When the load's first validation ran (ISO). */
  at: string;
  /** The run that validated (null for a validation outside a run). */
  runId: string | null;
  sources: string;
  rows: number;
  rejectedRows: number;
}

/** Rejected rows per validated load (all suites of one run summed) over the last 30 days, oldest first. */
export async function rejectedRowsTrend(now = new Date(), limit = 200): Promise<RejectedRowsPoint[]> {
  const { pool } = await getPool();
  const since = new Date(now.getTime() - TREND_WINDOW_DAYS * 24 * 3600 * 1000);
  // A validation without a run is its own point: grouping on the dq run id keeps it apart from the others.
  const { rows } = await pool.query<{ at: Date; runId: string | null; sources: string; rows: number; rejectedRows: number }>(
    `SELECT * FROM (
       SELECT min(evaluated_at) AS at, run_id AS "runId", string_agg(DISTINCT source, ', ' ORDER BY source) AS sources,
              sum(row_count)::int AS rows, sum(rejected_rows)::int AS "rejectedRows"
         FROM dqm.dq_runs WHERE evaluated_at >= $1
        GROUP BY run_id, CASE WHEN run_id IS NULL THEN id END
        ORDER BY at DESC LIMIT $2) newest
      ORDER BY at`,
    [since, limit],
  );
  return rows.map((r) => ({ ...r, at: r.at.toISOString() }));
}
