import "server-only";
import { query } from "../db/sql.ts";
import { compareDatasets } from "./dataset-label.ts";

export interface MonitoredDataset {
  /** "elearning" | "wallet" | "table:<slug>" */
  dataset: string;
  scoringRuns: number;
  /** model-drift checks (drift-* pipelines) */
  driftRuns: number;
  /** data-quality PSI checks (psi-check-* pipelines) */
  psiRuns: number;
  /** ISO; null when never scored / never checked for drift */
  lastScoredAt: string | null;
  lastDriftAt: string | null;
}

/** Every dataset with a scoring run, a drift check or a PSI check, fixed sources first: the tabs of /predictions and /monitoring. */
export async function monitoredDatasets(): Promise<MonitoredDataset[]> {
  const rows = await query<{ dataset: string; scoring_runs: number; drift_runs: number; psi_runs: number; last_scored_at: Date | null; last_drift_at: Date | null }>(
    `SELECT dataset, sum(scoring)::int AS scoring_runs, sum(drift)::int AS drift_runs, sum(psi)::int AS psi_runs,
            max(created_at) FILTER (WHERE scoring = 1) AS last_scored_at, max(created_at) FILTER (WHERE drift = 1) AS last_drift_at
       FROM (SELECT dataset, created_at, 1 AS scoring, 0 AS drift, 0 AS psi FROM monitoring.scoring_runs
             UNION ALL
             SELECT dataset, created_at, 0, (check_kind = 'model-drift')::int, (check_kind = 'psi-baseline')::int FROM monitoring.drift_runs) runs
      GROUP BY dataset`,
  );
  return rows
    .map((r) => ({
      dataset: r.dataset,
      scoringRuns: r.scoring_runs,
      driftRuns: r.drift_runs,
      psiRuns: r.psi_runs,
      lastScoredAt: r.last_scored_at?.toISOString() ?? null,
      lastDriftAt: r.last_drift_at?.toISOString() ?? null,
    }))
    .sort((a, b) => compareDatasets(a.dataset, b.dataset));
}
