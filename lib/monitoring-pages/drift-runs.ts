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
}

const COLUMNS = `run_id, dataset, model, version, scoring_run_id, reference_rows, current_rows, columns, drifted_columns, drifted_share,
                 share_threshold, dataset_drift, max_psi, status, report_key, created_at`;

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
  };
}

/** The newest drift checks of a dataset, newest first (the share-over-time chart reads them oldest first). */
export async function listDriftRuns(dataset: string, limit = 200): Promise<DriftRunView[]> {
  const rows = await query<Row>(`SELECT ${COLUMNS} FROM monitoring.drift_runs WHERE dataset = $1 ORDER BY created_at DESC, run_id DESC LIMIT $2`, [dataset, limit]);
  return rows.map(toView);
}

/** The newest drift check of every dataset (the Overview's drift card). */
export async function latestDriftRuns(): Promise<DriftRunView[]> {
  const rows = await query<Row>(`SELECT DISTINCT ON (dataset) ${COLUMNS} FROM monitoring.drift_runs ORDER BY dataset, created_at DESC, run_id DESC`);
  return rows.map(toView);
}
