import "server-only";
import { query } from "../db/sql.ts";

/** One batch scoring run as the pages show it (monitoring.scoring_runs); dates as ISO strings. */
export interface ScoringRunView {
  runId: string;
  dataset: string;
  model: string;
  version: number;
  family: string;
  /** the as-of date scored (YYYY-MM-DD), null for tables without dates */
  asOf: string | null;
  scoredIn: string;
  rows: number;
  mean: number | null;
  p50: number | null;
  p90: number | null;
  p99: number | null;
  highRiskRate: number | null;
  highRiskThreshold: number;
  /** customers at or above the threshold: rows × rate, rounded (the rate is that count over rows) */
  highRiskCount: number | null;
  /** the full ranked list in the artifact store */
  csvKey: string | null;
  durationMs: number;
  createdAt: string;
}

const COLUMNS = `run_id, dataset, model, version, family, to_char(as_of, 'YYYY-MM-DD') AS as_of, scored_in, rows, mean, p50, p90, p99,
                 high_risk_rate, high_risk_threshold, csv_key, duration_ms, created_at`;

interface Row {
  run_id: string;
  dataset: string;
  model: string;
  version: number;
  family: string;
  as_of: string | null;
  scored_in: string;
  rows: number;
  mean: number | null;
  p50: number | null;
  p90: number | null;
  p99: number | null;
  high_risk_rate: number | null;
  high_risk_threshold: number;
  csv_key: string | null;
  duration_ms: number;
  created_at: Date;
}

export function toScoringRunView(r: Row): ScoringRunView {
  return {
    runId: r.run_id,
    dataset: r.dataset,
    model: r.model,
    version: r.version,
    family: r.family,
    asOf: r.as_of,
    scoredIn: r.scored_in,
    rows: r.rows,
    mean: r.mean,
    p50: r.p50,
    p90: r.p90,
    p99: r.p99,
    highRiskRate: r.high_risk_rate,
    highRiskThreshold: r.high_risk_threshold,
    highRiskCount: r.high_risk_rate === null ? null : Math.round(r.rows * r.high_risk_rate),
    csvKey: r.csv_key,
    durationMs: r.duration_ms,
    createdAt: r.created_at.toISOString(),
  };
}

/** The newest scoring runs of a dataset, newest first (the trend reads them oldest first). */
export async function listScoringRuns(dataset: string, limit = 200): Promise<ScoringRunView[]> {
  const rows = await query<Row>(
    `SELECT ${COLUMNS} FROM monitoring.scoring_runs WHERE dataset = $1 ORDER BY created_at DESC, run_id DESC LIMIT $2`,
    [dataset, limit],
  );
  return rows.map(toScoringRunView);
}

export async function getScoringRun(runId: string): Promise<ScoringRunView | null> {
  const [row] = await query<Row>(`SELECT ${COLUMNS} FROM monitoring.scoring_runs WHERE run_id = $1`, [runId]);
  return row ? toScoringRunView(row) : null;
}

/** The newest scoring run of every dataset (the Overview's at-risk card), by dataset key. */
export async function latestScoringRuns(): Promise<ScoringRunView[]> {
  const rows = await query<Row>(
    `SELECT DISTINCT ON (dataset) ${COLUMNS} FROM monitoring.scoring_runs ORDER BY dataset, created_at DESC, run_id DESC`,
  );
  return rows.map(toScoringRunView);
}
