import type { Confusion } from "../../ml/metrics/confusion-matrix.ts";
import { checkProbabilities } from "./check-probabilities.ts";

/**
 * The confusion matrix a calibrated model expects at a threshold before labels exist (CBPE, NannyML's
 * "Confidence-based Performance Estimation"): a row predicted positive (p ≥ threshold, as lib/ml confusionMatrix)
 * is a true positive with probability p, so
 *   E[TP] = Σ_{p ≥ t} p,  E[FP] = Σ_{p ≥ t} (1 − p),  E[FN] = Σ_{p < t} p,  E[TN] = Σ_{p < t} (1 − p).
 * Exact expectations when the probabilities are calibrated (each label is an independent Bernoulli(p)); the counts
 * are fractional.
 *
 * O(n).
 *
 * @throws RangeError on no rows, a probability outside [0, 1] or a NaN threshold
 * @example expectedConfusionMatrix([0.9, 0.6, 0.4, 0.2], 0.5) // { tp: 1.5, fp: 0.5, tn: 1.4, fn: 0.6 }
 */
export function expectedConfusionMatrix(probabilities: ArrayLike<number>, threshold = 0.5): Confusion {
  if (Number.isNaN(threshold)) throw new RangeError("expectedConfusionMatrix: threshold is NaN");
  checkProbabilities("expectedConfusionMatrix", probabilities);
  let tp = 0;
  let fp = 0;
  let tn = 0;
  let fn = 0;
  for (let i = 0; i < probabilities.length; i++) {
    const p = probabilities[i]!;
    if (p >= threshold) {
      tp += p;
      fp += 1 - p;
    } else {
      fn += p;
      tn += 1 - p;
    }
  }
  return { tp, fp, tn, fn };
}
