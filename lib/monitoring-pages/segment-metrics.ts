import "server-only";
import { query } from "../db/sql.ts";
import { MIN_SEGMENT_ROWS } from "../scoring/realised-performance.ts";
import { OVERALL, type SegmentMetricView } from "./segment-metric-view.ts";

/** Below this many labelled rows a segment gets counts, no metrics (for the page to say so). */
export { MIN_SEGMENT_ROWS };

/** The scoring run a segment table shows: the newest one of a dataset with realised metrics. */
export interface RealisedRunView {
  runId: string;
  model: string;
  version: number;
  scoredAt: string;
  asOf: string | null;
  labelsFrom: string;
  computedAt: string;
  /** the segment columns it has rows for, by name (not "(all)") */
  segmentColumns: string[];
}

/** The newest scoring run of `dataset` (by scoring time) whose labels have been joined; null when none has any. */
export async function latestRealisedRun(dataset: string): Promise<RealisedRunView | null> {
  const [row] = await query<{
    run_id: string; model: string; version: number; scored_at: Date; as_of: string | null; labels_from: string; computed_at: Date; segment_columns: string[];
  }>(
    `SELECT s.run_id, s.model, s.version, s.created_at AS scored_at, to_char(s.as_of, 'YYYY-MM-DD') AS as_of,
            m.labels_from, m.created_at AS computed_at,
            ARRAY(SELECT DISTINCT c.segment_column FROM monitoring.segment_metrics c
                   WHERE c.run_id = s.run_id AND c.segment_column <> $2 ORDER BY c.segment_column) AS segment_columns
       FROM monitoring.scoring_runs s
       JOIN monitoring.segment_metrics m ON m.run_id = s.run_id AND m.segment_column = $2 AND m.segment_value = $2
      WHERE s.dataset = $1
      ORDER BY s.created_at DESC, s.run_id DESC
      LIMIT 1`,
    [dataset, OVERALL],
  );
  if (!row) return null;
  return {
    runId: row.run_id,
    model: row.model,
    version: row.version,
    scoredAt: row.scored_at.toISOString(),
    asOf: row.as_of,
    labelsFrom: row.labels_from,
    computedAt: row.computed_at.toISOString(),
    segmentColumns: row.segment_columns,
  };
}

/**
 * A run's realised metrics: the overall row first, then each segment column by name and its values largest first.
 * With `segmentColumn`, the overall row and that column's values only (the overall row stays as the yardstick).
 */
export async function listSegmentMetrics(runId: string, segmentColumn?: string): Promise<SegmentMetricView[]> {
  const rows = await query<{
    segment_column: string; segment_value: string; rows: number; positives: number; roc_auc: number | null; pr_auc: number | null; k: number;
    precision_at_k: number | null; brier: number | null; calibration_error: number | null; flagged: boolean;
  }>(
    `SELECT segment_column, segment_value, rows, positives, roc_auc, pr_auc, k, precision_at_k, brier, calibration_error, flagged
       FROM monitoring.segment_metrics
      WHERE run_id = $1 AND ($2::text IS NULL OR segment_column IN ($2, $3))
      ORDER BY segment_column = $3 DESC, segment_column, rows DESC, segment_value`,
    [runId, segmentColumn ?? null, OVERALL],
  );
  return rows.map((r) => ({
    segmentColumn: r.segment_column,
    segmentValue: r.segment_value,
    rows: r.rows,
    positives: r.positives,
    rocAuc: r.roc_auc,
    prAuc: r.pr_auc,
    k: r.k,
    precisionAtK: r.precision_at_k,
    brier: r.brier,
    calibrationError: r.calibration_error,
    flagged: r.flagged,
    gap: r.roc_auc !== null || r.pr_auc !== null ? null : r.rows < MIN_SEGMENT_ROWS ? "too-few-rows" : "one-class",
  }));
}
