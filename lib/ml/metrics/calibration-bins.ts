import { checkBinaryInput } from "./check-binary-input.ts";

/** One reliability-diagram bin; means are null for an empty bin (JSON has no NaN). */
export interface CalibrationBin {
  lower: number;
  upper: number;
  count: number;
  mean_predicted: number | null;
  observed_rate: number | null;
}

/**
 * Reliability diagram on `bins` equal-width bins of [0, 1]: per bin, the number of rows, their mean predicted
 * probability and the observed share of positives. A well-calibrated model has mean_predicted ≈ observed_rate.
 *
 * Bin edges are k · (1/bins) and a probability p goes to the number of interior edges strictly below it, so bins
 * are [0, e₁], (e₁, e₂], …, (e₉, 1]: the same assignment as scikit-learn 1.2.1
 * `calibration_curve(strategy="uniform")` (`np.searchsorted(bins[1:-1], y_prob)`, edges from np.linspace).
 * Unlike scikit-learn we keep empty bins (count 0), so every report has the same 10 rows.
 *
 * O(n · log bins).
 *
 * @throws RangeError on invalid input, a probability outside [0, 1], or bins < 1
 */
export function calibrationBins(
  yTrue: ArrayLike<number>,
  probability: ArrayLike<number>,
  bins = 10,
): CalibrationBin[] {
  if (!Number.isInteger(bins) || bins < 1) throw new RangeError(`calibrationBins: bins = ${bins}; need an integer >= 1`);
  const { labels, scores } = checkBinaryInput("calibrationBins", yTrue, probability);
  const step = 1 / bins;
  const edges = Array.from({ length: bins + 1 }, (_, k) => (k === bins ? 1 : k * step));
  const counts = new Float64Array(bins);
  const sums = new Float64Array(bins);
  const positives = new Float64Array(bins);
  for (let i = 0; i < labels.length; i++) {
    const p = scores[i];
    if (p < 0 || p > 1) throw new RangeError(`calibrationBins: probability[${i}] = ${p} is outside [0, 1]`);
    // Interior edges strictly below p (searchsorted, side "left"): a guess from floor(), then corrected, so
    // values exactly on an edge land where scikit-learn puts them.
    let bin = Math.min(Math.floor(p * bins), bins - 1);
    while (bin > 0 && p <= edges[bin]) bin--;
    while (bin < bins - 1 && p > edges[bin + 1]) bin++;
    counts[bin]++;
    sums[bin] += p;
    positives[bin] += labels[i];
  }
  return Array.from({ length: bins }, (_, k) => ({
    lower: edges[k],
    upper: edges[k + 1],
    count: counts[k],
    mean_predicted: counts[k] > 0 ? sums[k] / counts[k] : null,
    observed_rate: counts[k] > 0 ? positives[k] / counts[k] : null,
  }));
}
