import { checkProbabilities } from "./check-probabilities.ts";
import { descendingOrder } from "./descending-order.ts";

/**
 * The ROC-AUC a calibrated model expects before labels exist, NannyML CBPE's estimate: walking the ranking from the
 * top, the expected true and false positives above each threshold are Σ p and Σ (1 − p) of the rows passed, which
 * gives an expected (FPR, TPR) curve whose trapezoid area is the estimate. Rows with tied scores form one threshold
 * (scikit-learn's roc_curve does the same), so the estimate equals `roc_auc_score` on every row written twice, as a
 * positive with weight p and a negative with weight 1 − p; on distinct scores it equals NannyML's
 * `estimate_roc_auc(calibrated, uncalibrated)` (without its rounding to 5 decimals). As a sum over tie groups g
 * taken from the top, with P_g = Σ_g p, N_g = Σ_g (1 − p):
 *
 *   AUC ≈ Σ_g N_g · (P_above + P_g / 2) / (Σ p · Σ (1 − p))
 *
 * It is a ratio of expectations, not the expectation of the ratio, and counts a row against itself within its tie
 * group (p(1 − p)/2): both are O(1/n) effects, negligible for a scoring run and visible only on a handful of rows.
 *
 * Rank by the model's own raw scores (`scores`) when the calibrator is isotonic: its steps tie rows the model
 * tells apart, and the realised AUC is computed on the model's ranking.
 *
 * Reference: NannyML, nannyml/performance_estimation/confidence_based/metrics.py `estimate_roc_auc`; checked against
 * scikit-learn 1.2.1 (__fixtures__/make-estimate-reference.py).
 *
 * O(n log n).
 *
 * @param probabilities calibrated probabilities
 * @param scores the ranking (default: the probabilities)
 * @throws RangeError on invalid input, or when Σ p or Σ (1 − p) is 0 (no expected positives or negatives)
 * @example expectedRocAuc([0.8, 0.2]) // 0.8 (the truth given both classes is 0.64 / 0.68: tiny n shows the bias)
 */
export function expectedRocAuc(probabilities: ArrayLike<number>, scores?: ArrayLike<number>): number {
  const ranking = checkProbabilities("expectedRocAuc", probabilities, scores);
  const order = descendingOrder(ranking);
  const n = order.length;
  let area = 0;
  let positivesAbove = 0;
  let negativesAbove = 0;
  let start = 0;
  while (start < n) {
    const value = ranking[order[start]!];
    let groupPositives = 0;
    let groupNegatives = 0;
    let end = start;
    while (end < n && ranking[order[end]!] === value) {
      const p = probabilities[order[end]!]!;
      groupPositives += p;
      groupNegatives += 1 - p;
      end++;
    }
    area += groupNegatives * (positivesAbove + groupPositives / 2);
    positivesAbove += groupPositives;
    negativesAbove += groupNegatives;
    start = end;
  }
  if (positivesAbove === 0 || negativesAbove === 0) {
    throw new RangeError("expectedRocAuc needs expected positives and negatives (every probability is 0, or every one is 1)");
  }
  return area / (positivesAbove * negativesAbove);
}
