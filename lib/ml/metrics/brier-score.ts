import { checkBinaryInput } from "./check-binary-input.ts";

/**
 * Brier score: mean squared difference between the probability of the positive class and the 0/1 outcome,
 * (1/n) Σ (p_i − y_i)². 0 is perfect; always predicting the base rate π scores π(1 − π).
 *
 * Reference: scikit-learn 1.2.1 `sklearn.metrics.brier_score_loss`, which also rejects probabilities outside
 * [0, 1].
 *
 * O(n).
 *
 * @throws RangeError on invalid input or a probability outside [0, 1]
 * @example brierScore([0, 1], [0.2, 0.7]) // (0.04 + 0.09) / 2 = 0.065
 */
export function brierScore(yTrue: ArrayLike<number>, probability: ArrayLike<number>): number {
  const { labels, scores } = checkBinaryInput("brierScore", yTrue, probability);
  let sum = 0;
  for (let i = 0; i < labels.length; i++) {
    const p = scores[i];
    if (p < 0 || p > 1) throw new RangeError(`brierScore: probability[${i}] = ${p} is outside [0, 1]`);
    const error = p - labels[i];
    sum += error * error;
  }
  return sum / labels.length;
}
