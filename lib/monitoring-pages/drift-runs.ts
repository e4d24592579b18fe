import "server-only";
import { query } from "../db/sql.ts";

export type DriftStatus = "pass" | "warn" | "fail";

/** One drift check as the pages show it (monitoring.drift_runs); dates as ISO strings. */
export interface DriftRunView {
  runId: string;
  dataset: string;
  model: string | null;
  version: number | null;
  scoringRunId: string | null;
  referenceRows: number;
  currentRows: number;
  columns: number;
  driftedColumns: number;
  driftedShare: number;
  shareThreshold: number;
  datasetDrift: boolean;
  maxPsi: number | null;
  status: string;
  /** the self-contained HTML report in the artifact store */
  reportKey: string | null;
  createdAt: string;
  /** PSI checks: a column fails at PSI ≥ this; null for model-drift checks */
  psiThreshold: number | null;
  /** PSI checks: the run that froze the baseline compared against */
  baselineRunId: string | null;
}

interface Row {
  run_id: string;
  dataset: string;
  model: string | null;
  version: number | null;
  scoring_run_id: string | null;
  reference_rows: number;
  current_rows: number;
  columns: number;
  drifted_columns: number;
  drifted_share: number;
  share_threshold: number;
  dataset_drift: boolean;
  max_psi: number | null;
  status: string;
  report_key: string | null;
  created_at: Date;
  psi_threshold: number | null;
  baseline_run_id: string | null;
}

const COLUMNS = `run_id, dataset, model, version, scoring_run_id, reference_rows, current_rows, columns, drifted_columns, drifted_share,
                 share_threshold, dataset_drift, max_psi, status, report_key, created_at, psi_threshold, baseline_run_id::text`;

function toView(r: Row): DriftRunView {
  return {
    runId: r.run_id,
    dataset: r.dataset,
    model: r.model,
    version: r.version,
    scoringRunId: r.scoring_run_id,
    referenceRows: r.reference_rows,
    currentRows: r.current_rows,
    columns: r.columns,
    driftedColumns: r.drifted_columns,
    driftedShare: r.drifted_share,
    shareThreshold: r.share_threshold,
    datasetDrift: r.dataset_drift,
    maxPsi: r.max_psi,
    status: r.status,
    reportKey: r.report_key,
    createdAt: r.created_at.toISOString(),
    psiThreshold: r.psi_threshold,
    baselineRunId: r.baseline_run_id,
  };
}

/**
 * drift_runs holds two kinds of check: model drift (drift-* pipelines, the default) and the data-quality PSI check
 * against a frozen baseline (psi-check-*). Every reader names the one it shows.
 */
export type CheckKind = "model-drift" | "psi-baseline";

/** The newest checks of a dataset, newest first (the share-over-time chart reads them oldest first). */
export async function listDriftRuns(dataset: string, limit = 200, check: CheckKind = "model-drift"): Promise<DriftRunView[]> {
  const rows = await query<Row>(`SELECT ${COLUMNS} FROM monitoring.drift_runs WHERE dataset = $1 AND check_kind = $3 ORDER BY created_at DESC, run_id DESC LIMIT $2`, [dataset, limit, check]);
  return rows.map(toView);
}

/** The newest check of every dataset (the Overview's drift card: model drift). */
export async function latestDriftRuns(check: CheckKind = "model-drift"): Promise<DriftRunView[]> {
  const rows = await query<Row>(`SELECT DISTINCT ON (dataset) ${COLUMNS} FROM monitoring.drift_runs WHERE check_kind = $1 ORDER BY dataset, created_at DESC, run_id DESC`, [check]);
  return rows.map(toView);
}
