import { checkBinaryInput } from "../../ml/metrics/check-binary-input.ts";
import { checkProbabilities } from "./check-probabilities.ts";
import { descendingOrder } from "./descending-order.ts";

/** K as used: a positive integer, at most the number of rows (a run with fewer rows than K shows all of them). */
export function effectiveK(k: number, rows: number): number {
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`precision@K: K = ${k} must be a positive integer`);
  return Math.min(k, rows);
}

/**
 * Realised precision@K: the share of churners among the K rows with the highest scores (the top-K list a team
 * calls), ties broken by row order as in descendingOrder. K above the number of rows is clamped to it.
 * O(n log n).
 * @throws RangeError on invalid labels/scores (lib/ml checkBinaryInput) or K not a positive integer
 * @example precisionAtK([1, 0, 1, 0], [0.9, 0.8, 0.3, 0.1], 2) // 0.5
 */
export function precisionAtK(yTrue: ArrayLike<number>, yScore: ArrayLike<number>, k: number): number {
  const { labels, scores } = checkBinaryInput("precisionAtK", yTrue, yScore);
  const top = effectiveK(k, labels.length);
  const order = descendingOrder(scores);
  let hits = 0;
  for (let r = 0; r < top; r++) hits += labels[order[r]!]!;
  return hits / top;
}

/**
 * Expected precision@K from calibrated probabilities: the mean p of the top K rows (by `scores`, default the
 * probabilities), the exact expectation of precisionAtK when labels are Bernoulli(p).
 * O(n log n).
 * @throws RangeError on invalid probabilities/scores or K not a positive integer
 * @example expectedPrecisionAtK([0.9, 0.1, 0.6, 0.3], 2) // (0.9 + 0.6) / 2 = 0.75
 */
export function expectedPrecisionAtK(probabilities: ArrayLike<number>, k: number, scores?: ArrayLike<number>): number {
  const ranking = checkProbabilities("expectedPrecisionAtK", probabilities, scores);
  const top = effectiveK(k, probabilities.length);
  const order = descendingOrder(ranking);
  let sum = 0;
  for (let r = 0; r < top; r++) sum += probabilities[order[r]!]!;
  return sum / top;
}
