import "server-only";
import { query } from "../db/sql.ts";
import type { SegmentRow } from "../scoring/segment-row.ts";
import { parseRunEstimate, type RunEstimateView } from "./run-estimate.ts";

/** The whole run's realised performance (segment_metrics "(all)"); metrics null when too few rows or one class. */
export interface RealisedOverall extends Omit<SegmentRow, "segmentColumn" | "segmentValue" | "brier"> {
  labelsFrom: string;
  /** when the labels were joined (ISO) */
  computedAt: string;
}

/** One scoring run on the estimated-vs-realised chart: what CBPE expected, and what happened once labels came. */
export interface PerformanceRunView {
  runId: string;
  model: string;
  version: number;
  /** scored at (ISO): the chart's x */
  createdAt: string;
  asOf: string | null;
  estimate: RunEstimateView | null;
  realised: RealisedOverall | null;
}

interface Row {
  run_id: string;
  model: string;
  version: number;
  created_at: Date;
  as_of: string | null;
  estimate: unknown;
  rows: number | null;
  positives: number | null;
  roc_auc: number | null;
  pr_auc: number | null;
  k: number | null;
  precision_at_k: number | null;
  calibration_error: number | null;
  flagged: boolean | null;
  labels_from: string | null;
  computed_at: Date | null;
}

/** A dataset's newest scoring runs, newest first, each with its stored estimate and its realised overall metrics. */
export async function listPerformanceRuns(dataset: string, limit = 200): Promise<PerformanceRunView[]> {
  const rows = await query<Row>(
    `SELECT s.run_id, s.model, s.version, s.created_at, to_char(s.as_of, 'YYYY-MM-DD') AS as_of, s.estimate,
            m.rows, m.positives, m.roc_auc, m.pr_auc, m.k, m.precision_at_k, m.calibration_error, m.flagged, m.labels_from, m.created_at AS computed_at
       FROM monitoring.scoring_runs s
       LEFT JOIN monitoring.segment_metrics m ON m.run_id = s.run_id AND m.segment_column = '(all)' AND m.segment_value = '(all)'
      WHERE s.dataset = $1
      ORDER BY s.created_at DESC, s.run_id DESC
      LIMIT $2`,
    [dataset, limit],
  );
  return rows.map((r) => ({
    runId: r.run_id,
    model: r.model,
    version: r.version,
    createdAt: r.created_at.toISOString(),
    asOf: r.as_of,
    estimate: parseRunEstimate(r.estimate),
    realised:
      r.rows === null || !r.computed_at
        ? null
        : {
            rows: r.rows,
            positives: r.positives ?? 0,
            rocAuc: r.roc_auc,
            prAuc: r.pr_auc,
            k: r.k ?? 0,
            precisionAtK: r.precision_at_k,
            calibrationError: r.calibration_error,
            flagged: r.flagged ?? false,
            labelsFrom: r.labels_from ?? "",
            computedAt: r.computed_at.toISOString(),
          },
  }));
}
