import { binaryClfCurve } from "./binary-clf-curve.ts";

export interface RocCurve {
  fpr: Float64Array;
  tpr: Float64Array;
  /** descending; thresholds[0] = max score + 1 (the "nothing predicted positive" point) */
  thresholds: Float64Array;
}

/**
 * ROC curve: for each distinct score t (descending), fpr = FP(score >= t) / negatives and
 * tpr = TP(score >= t) / positives, preceded by the point (0, 0).
 *
 * With `dropIntermediate` (scikit-learn's default), points where both the fps and the tps sequences have a
 * zero second difference are dropped: they lie on a straight segment between their neighbours, so the drawn
 * curve and its area are unchanged.
 *
 * Reference: scikit-learn 1.2.1 `sklearn.metrics.roc_curve`. Its first threshold is `thresholds[0] + 1`
 * (scikit-learn ≥ 1.3 writes +inf instead); we keep the 1.2.1 value because it survives JSON.
 *
 * O(n log n).
 *
 * @throws RangeError on invalid input or when only one class is present
 * @example rocCurve([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8], { dropIntermediate: false })
 *   // fpr [0, 0, 0.5, 0.5, 1], tpr [0, 0.5, 0.5, 1, 1], thresholds [1.8, 0.8, 0.4, 0.35, 0.1]
 */
export function rocCurve(
  yTrue: ArrayLike<number>,
  yScore: ArrayLike<number>,
  options: { dropIntermediate?: boolean } = {},
): RocCurve {
  const { dropIntermediate = true } = options;
  const curve = binaryClfCurve("rocCurve", yTrue, yScore);
  let { fps, tps, thresholds } = curve;
  const m = fps.length;
  if (dropIntermediate && m > 2) {
    const keep: number[] = [0];
    for (let k = 1; k < m - 1; k++) {
      const fpsBend = fps[k + 1] - 2 * fps[k] + fps[k - 1];
      const tpsBend = tps[k + 1] - 2 * tps[k] + tps[k - 1];
      if (fpsBend !== 0 || tpsBend !== 0) keep.push(k);
    }
    keep.push(m - 1);
    fps = Float64Array.from(keep, (k) => curve.fps[k]);
    tps = Float64Array.from(keep, (k) => curve.tps[k]);
    thresholds = Float64Array.from(keep, (k) => curve.thresholds[k]);
  }
  const size = fps.length + 1;
  const fpr = new Float64Array(size);
  const tpr = new Float64Array(size);
  const outThresholds = new Float64Array(size);
  outThresholds[0] = thresholds[0] + 1;
  for (let k = 0; k < fps.length; k++) {
    fpr[k + 1] = fps[k] / curve.negatives;
    tpr[k + 1] = tps[k] / curve.positives;
    outThresholds[k + 1] = thresholds[k];
  }
  return { fpr, tpr, thresholds: outThresholds };
}
