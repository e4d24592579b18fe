import type { RocCurve } from "./report-view.ts";

export interface ThresholdPoint {
  /** the curve threshold used (the nearest one to the asked threshold): positive when score ≥ threshold */
  threshold: number;
  tp: number;
  fp: number;
  tn: number;
  fn: number;
  /** null when nothing is predicted positive */
  precision: number | null;
  recall: number | null;
  f1: number | null;
}

/**
 * The confusion matrix at the ROC curve threshold nearest to `asked`. A stored report keeps ≤ 200 curve points
 * (evaluateBinary thins them), so the matrix is exact at those thresholds and the slider snaps to them rather than
 * pretending to know the scores in between. Counts come back from the rates: TP = tpr·P, FP = fpr·N, rounded
 * (the rates are exact ratios of integers, so rounding only removes floating-point noise).
 *
 * The curve's first threshold is max score + 1 (nothing predicted positive): it is a valid point too.
 *
 * @returns null when the curve is empty or the class counts are unknown
 */
export function confusionAtThreshold(roc: RocCurve, positives: number, rows: number, asked: number): ThresholdPoint | null {
  const n = roc.thresholds.length;
  if (n === 0 || !(positives >= 0) || !(rows >= positives)) return null;
  let best = 0;
  for (let i = 1; i < n; i++) {
    // ties go to the higher threshold (the earlier point), the stricter reading of "at least this score"
    if (Math.abs(roc.thresholds[i] - asked) < Math.abs(roc.thresholds[best] - asked)) best = i;
  }
  const negatives = rows - positives;
  const tp = Math.round(roc.tpr[best] * positives);
  const fp = Math.round(roc.fpr[best] * negatives);
  const fn = positives - tp;
  const tn = negatives - fp;
  const precision = tp + fp > 0 ? tp / (tp + fp) : null;
  const recall = positives > 0 ? tp / positives : null;
  const f1 = precision !== null && recall !== null && precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : precision === null ? null : 0;
  return { threshold: roc.thresholds[best], tp, fp, tn, fn, precision, recall, f1 };
}
