/**
 * Checks calibrated probabilities (each in [0, 1], not NaN) and an optional ranking score of the same length (a
 * number, not NaN), shared by the estimators in this folder. Returns the scores to rank by: `scores`, or the
 * probabilities themselves.
 * O(n).
 * @throws RangeError on no rows, a probability outside [0, 1], mismatched lengths or a NaN score
 */
export function checkProbabilities(estimator: string, probabilities: ArrayLike<number>, scores?: ArrayLike<number>): ArrayLike<number> {
  const n = probabilities.length;
  if (n === 0) throw new RangeError(`${estimator} needs at least one probability`);
  for (let i = 0; i < n; i++) {
    const p = probabilities[i]!;
    if (!(p >= 0 && p <= 1)) throw new RangeError(`${estimator}: probabilities[${i}] = ${String(p)} must be in [0, 1]`);
  }
  if (scores === undefined) return probabilities;
  if (scores.length !== n) throw new RangeError(`${estimator}: ${n} probabilities but ${scores.length} scores`);
  for (let i = 0; i < n; i++) {
    if (Number.isNaN(scores[i])) throw new RangeError(`${estimator}: scores[${i}] is NaN`);
  }
  return scores;
}
