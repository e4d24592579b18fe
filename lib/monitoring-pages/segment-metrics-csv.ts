import { csvLine } from "../ui/csv-cell.ts";
import type { SegmentMetricView } from "./segment-metric-view.ts";

// The /monitoring segment table as a CSV: one line per row shown, every cell through csvCell (a segment value is
// customer data: "=cmd()" must not run when a spreadsheet opens the file). Metrics left empty when not computed, with
// the reason in `note`; the run is small (≤ 30 values per column), so the file is built in one piece.

export const SEGMENT_METRICS_CSV_HEADER = [
  "run_id", "segment_column", "segment_value", "rows", "churners", "roc_auc", "pr_auc", "k", "precision_at_k", "brier", "calibration_error", "below_threshold", "note",
] as const;

const NOTE = { "too-few-rows": "too few rows", "one-class": "one class only" } as const;

export function segmentMetricsCsv(runId: string, rows: readonly SegmentMetricView[]): string {
  return [
    csvLine(SEGMENT_METRICS_CSV_HEADER),
    ...rows.map((r) =>
      csvLine([runId, r.segmentColumn, r.segmentValue, r.rows, r.positives, r.rocAuc, r.prAuc, r.k, r.precisionAtK, r.brier, r.calibrationError, r.flagged, r.gap ? NOTE[r.gap] : ""]),
    ),
  ].join("");
}
