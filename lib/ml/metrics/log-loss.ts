import { checkBinaryInput } from "./check-binary-input.ts";

/** Float64 machine epsilon, scikit-learn 1.2's `eps="auto"` for float64 probabilities. */
export const LOG_LOSS_EPS = Number.EPSILON;

/**
 * Mean binary cross-entropy of probabilities `p` of the positive class:
 *
 *   logLoss = −(1/n) Σ_i [ y_i · ln q_i + (1 − y_i) · ln(1 − q_i) ]
 *
 * where p is first clipped to [eps, 1 − eps] (so a confident mistake costs ≈ 36 nats, not infinity) and the
 * pair (1 − p, p) is renormalised to sum to 1, exactly as scikit-learn 1.2.1 does.
 *
 * Reference: scikit-learn 1.2.1 `sklearn.metrics.log_loss` (eps="auto" → np.finfo(float64).eps, clip, append
 * 1 − p, divide by the row sum, −xlogy).
 *
 * O(n).
 *
 * @throws RangeError on mismatched lengths, empty input, non-0/1 labels or NaN probabilities
 * @example logLoss([0, 1], [0.2, 0.7]) // (−ln 0.8 − ln 0.7) / 2 = 0.2899…
 */
export function logLoss(
  yTrue: ArrayLike<number>,
  probability: ArrayLike<number>,
  options: { eps?: number } = {},
): number {
  const { eps = LOG_LOSS_EPS } = options;
  const { labels, scores } = checkBinaryInput("logLoss", yTrue, probability);
  let sum = 0;
  for (let i = 0; i < labels.length; i++) {
    const p = Math.min(Math.max(scores[i], eps), 1 - eps);
    const q = 1 - p;
    const total = p + q;
    sum -= Math.log(labels[i] === 1 ? p / total : q / total);
  }
  return sum / labels.length;
}
