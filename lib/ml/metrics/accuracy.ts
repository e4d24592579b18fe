import { confusionMatrix } from "./confusion-matrix.ts";

/**
 * Share of rows whose prediction "positive when score >= threshold" equals the label.
 *
 * Reference: scikit-learn 1.2.1 `accuracy_score` applied to `(y_score >= threshold)`.
 *
 * O(n).
 *
 * @throws RangeError on invalid input
 * @example accuracy([0, 0, 1, 1], [0.1, 0.6, 0.4, 0.8]) // 0.5
 */
export function accuracy(yTrue: ArrayLike<number>, yScore: ArrayLike<number>, threshold = 0.5): number {
  const { tp, fp, tn, fn } = confusionMatrix(yTrue, yScore, threshold);
  return (tp + tn) / (tp + fp + tn + fn);
}
