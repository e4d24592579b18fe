// A row of monitoring.segment_metrics: types only, free of server code so the pages' client table can import them.

export interface SegmentRow {
  /** a categorical feature, or "(all)" for the whole run */
  segmentColumn: string;
  /** the value ("(missing)" for null), or "(all)" */
  segmentValue: string;
  rows: number;
  /** churners among the labelled rows */
  positives: number;
  rocAuc: number | null;
  prAuc: number | null;
  k: number;
  precisionAtK: number | null;
  brier: number | null;
  calibrationError: number | null;
  /** PR-AUC below PR_AUC_SHADOW_THRESHOLD when the metrics were computed */
  flagged: boolean;
}
