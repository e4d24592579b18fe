import { binaryClfCurve } from "./binary-clf-curve.ts";

/**
 * Average precision (the PR-AUC churnops reports): the step-wise sum
 *
 *   AP = Σ_k (R_k − R_{k−1}) · P_k
 *
 * over distinct thresholds in decreasing order, with R_0 = 0. No interpolation: the trapezoid rule on a PR curve
 * is optimistic (Davis & Goadrich 2006), which is why scikit-learn uses this step definition.
 *
 * Reference: scikit-learn 1.2.1 `sklearn.metrics.average_precision_score`
 * (−Σ diff(recall) · precision[:-1] on the output of precision_recall_curve).
 *
 * O(n log n).
 *
 * @throws RangeError on invalid input or when only one class is present
 * @example averagePrecision([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]) // 0.8333… = ½·1 + ½·(2/3)
 */
export function averagePrecision(yTrue: ArrayLike<number>, yScore: ArrayLike<number>): number {
  const { tps, fps, positives } = binaryClfCurve("averagePrecision", yTrue, yScore);
  let sum = 0;
  let previousTp = 0;
  for (let k = 0; k < tps.length; k++) {
    const tp = tps[k];
    if (tp !== previousTp) {
      const recallStep = (tp - previousTp) / positives;
      sum += recallStep * (tp / (tp + fps[k]));
      previousTp = tp;
    }
  }
  return sum;
}
