import { checkBinaryInput } from "./check-binary-input.ts";

/** Counts of a 0/1 prediction against 0/1 labels. */
export interface Confusion {
  tp: number;
  fp: number;
  tn: number;
  fn: number;
}

/**
 * Confusion matrix of the prediction "positive when score >= threshold". `>=` matches the thresholds of
 * scikit-learn's roc_curve/precision_recall_curve, so a dashboard slider set to a curve threshold shows the
 * curve's point.
 *
 * O(n).
 *
 * @throws RangeError on invalid input or a NaN threshold
 * @example confusionMatrix([0, 0, 1, 1], [0.1, 0.6, 0.4, 0.8], 0.5) // { tp: 1, fp: 1, tn: 1, fn: 1 }
 */
export function confusionMatrix(yTrue: ArrayLike<number>, yScore: ArrayLike<number>, threshold = 0.5): Confusion {
  if (Number.isNaN(threshold)) throw new RangeError("confusionMatrix: threshold is NaN");
  const { labels, scores } = checkBinaryInput("confusionMatrix", yTrue, yScore);
  let tp = 0;
  let fp = 0;
  let tn = 0;
  let fn = 0;
  for (let i = 0; i < labels.length; i++) {
    const predictedPositive = scores[i] >= threshold;
    if (labels[i] === 1) {
      if (predictedPositive) tp++;
      else fn++;
    } else if (predictedPositive) fp++;
    else tn++;
  }
  return { tp, fp, tn, fn };
}
