import type { Confusion } from "./confusion-matrix.ts";

export interface ThresholdMetrics {
  accuracy: number;
  precision: number;
  recall: number;
  f1: number;
}

/**
 * Accuracy, precision, recall and F1 from a confusion matrix:
 * accuracy = (tp + tn) / n, precision = tp / (tp + fp), recall = tp / (tp + fn), F1 = 2tp / (2tp + fp + fn)
 * (the harmonic mean of precision and recall, written so it is defined when one of them is 0).
 * A ratio with a zero denominator is 0, scikit-learn's `zero_division=0` (its "warn" default also returns 0).
 *
 * Reference: scikit-learn 1.2.1 `precision_recall_fscore_support`, `accuracy_score`.
 *
 * O(1).
 *
 * @throws RangeError when the matrix is empty
 * @example thresholdMetrics({ tp: 3, fp: 1, tn: 4, fn: 2 }) // accuracy 0.7, precision 0.75, recall 0.6, f1 ≈ 0.6667
 */
export function thresholdMetrics(confusion: Confusion): ThresholdMetrics {
  const { tp, fp, tn, fn } = confusion;
  const n = tp + fp + tn + fn;
  if (n === 0) throw new RangeError("thresholdMetrics needs a non-empty confusion matrix");
  const ratio = (numerator: number, denominator: number) => (denominator === 0 ? 0 : numerator / denominator);
  return {
    accuracy: (tp + tn) / n,
    precision: ratio(tp, tp + fp),
    recall: ratio(tp, tp + fn),
    f1: ratio(2 * tp, 2 * tp + fp + fn),
  };
}
