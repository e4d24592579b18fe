import type { SegmentRow } from "../scoring/segment-row.ts";

// A row of monitoring.segment_metrics as the pages show it: types and the one constant, free of server code so the
// client table can import them.

/** The whole run's row in segment_metrics. */
export const OVERALL = "(all)";

/**
 * Why a segment has counts but no metrics (lib/scoring/realised-performance.ts computes none below MIN_SEGMENT_ROWS
 * labelled rows or with one class): the page says which instead of leaving cells blank.
 */
export type SegmentGap = "too-few-rows" | "one-class" | null;

/** One row of monitoring.segment_metrics as the pages show it. */
export interface SegmentMetricView extends SegmentRow {
  gap: SegmentGap;
}
