import { binaryClfCurve } from "./binary-clf-curve.ts";

export interface PrCurve {
  /** precision[k] at thresholds[k]; the last entry is 1 (the conventional end point at recall 0) */
  precision: Float64Array;
  /** decreasing; the last entry is 0 */
  recall: Float64Array;
  /** distinct scores, ascending; one shorter than precision/recall */
  thresholds: Float64Array;
}

/**
 * Precision–recall curve: for each distinct score t, precision = TP/(TP+FP) and recall = TP/positives among rows
 * with score >= t, ordered by increasing threshold (so recall decreases), then the end point (recall 0,
 * precision 1) which has no threshold.
 *
 * With `dropIntermediate` (scikit-learn ≥ 1.3; default false there and here) only the first and last point of
 * each run of equal TP are kept: the points between them share one recall and form a vertical segment.
 *
 * Reference: scikit-learn 1.2.1 `sklearn.metrics.precision_recall_curve` (no truncation at full recall, as the
 * reference fixture shows); drop_intermediate from scikit-learn 1.3.
 *
 * O(n log n).
 *
 * @throws RangeError on invalid input or when only one class is present
 */
export function prCurve(
  yTrue: ArrayLike<number>,
  yScore: ArrayLike<number>,
  options: { dropIntermediate?: boolean } = {},
): PrCurve {
  const { dropIntermediate = false } = options;
  const curve = binaryClfCurve("prCurve", yTrue, yScore);
  const m = curve.tps.length;
  let keep: number[];
  if (dropIntermediate && m > 2) {
    keep = [0];
    for (let k = 1; k < m - 1; k++) {
      if (curve.tps[k] !== curve.tps[k - 1] || curve.tps[k + 1] !== curve.tps[k]) keep.push(k);
    }
    keep.push(m - 1);
  } else {
    keep = Array.from({ length: m }, (_, k) => k);
  }
  const size = keep.length;
  const precision = new Float64Array(size + 1);
  const recall = new Float64Array(size + 1);
  const thresholds = new Float64Array(size);
  // Reverse: scikit-learn returns increasing thresholds.
  for (let r = 0; r < size; r++) {
    const k = keep[size - 1 - r];
    const tp = curve.tps[k];
    const predicted = tp + curve.fps[k];
    // predicted > 0 always (every threshold is some row's score); the guard mirrors scikit-learn's zero_division.
    precision[r] = predicted > 0 ? tp / predicted : 0;
    recall[r] = tp / curve.positives;
    thresholds[r] = curve.thresholds[k];
  }
  precision[size] = 1;
  recall[size] = 0;
  return { precision, recall, thresholds };
}
