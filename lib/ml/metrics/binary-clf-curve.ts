import { checkBinaryInput, requireBothClasses } from "./check-binary-input.ts";

/** Cumulative counts at each distinct score, highest score first. */
export interface BinaryClfCurve {
  /** false positives among rows with score >= thresholds[k] */
  fps: Float64Array;
  /** true positives among rows with score >= thresholds[k] */
  tps: Float64Array;
  /** distinct scores, descending */
  thresholds: Float64Array;
  positives: number;
  negatives: number;
}

/**
 * The counting core of every ranking curve: sort by score descending and, at the last row of each tie group,
 * record how many positives (tps) and negatives (fps) score at or above that value. A row is "predicted
 * positive" at threshold t when score >= t, as in scikit-learn.
 *
 * Reference: scikit-learn 1.2.1 `sklearn.metrics._ranking._binary_clf_curve` (same definition: threshold
 * indices are the ends of tie groups, tps = cumsum(y)[idx], fps = 1 + idx − tps).
 *
 * O(n log n): one index sort. Counts are integers, exact in float64.
 *
 * @throws RangeError on invalid input (see checkBinaryInput) or when only one class is present
 */
export function binaryClfCurve(metric: string, yTrue: ArrayLike<number>, yScore: ArrayLike<number>): BinaryClfCurve {
  const input = checkBinaryInput(metric, yTrue, yScore);
  requireBothClasses(metric, input);
  const { labels, scores, positives } = input;
  const n = labels.length;
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  // Descending; `|| 0` keeps Infinity − Infinity (NaN) from corrupting the sort.
  order.sort((a, b) => scores[b] - scores[a] || 0);

  const fps: number[] = [];
  const tps: number[] = [];
  const thresholds: number[] = [];
  let tp = 0;
  for (let k = 0; k < n; k++) {
    const i = order[k];
    tp += labels[i];
    const last = k === n - 1 || scores[order[k + 1]] !== scores[i];
    if (last) {
      tps.push(tp);
      fps.push(k + 1 - tp);
      thresholds.push(scores[i]);
    }
  }
  return {
    fps: Float64Array.from(fps),
    tps: Float64Array.from(tps),
    thresholds: Float64Array.from(thresholds),
    positives,
    negatives: n - positives,
  };
}
