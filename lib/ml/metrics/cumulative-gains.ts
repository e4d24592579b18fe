import { binaryClfCurve } from "./binary-clf-curve.ts";

/** Cumulative gains curve: share of all positives found in the top `fraction` of rows ranked by score. */
export interface GainsCurve {
  /** share of rows targeted, increasing from 0 to 1 */
  fraction: Float64Array;
  /** share of positives captured, increasing from 0 to 1 */
  gain: Float64Array;
}

/**
 * Cumulative gains: rank rows by score (highest first) and, after each tie group, record the share of rows
 * taken and the share of positives captured; starts at (0, 0), ends at (1, 1). Between points the curve is a
 * straight line, which is the expected gain when a tie group is cut part-way (the order inside a tie is
 * arbitrary, so positives are spread evenly across it). A random ranking follows the diagonal.
 *
 * Reference: the cumulative gains chart of direct marketing (e.g. scikit-plot `plot_cumulative_gain`, which
 * uses the same cumulative-sum construction but breaks ties by sort order).
 *
 * O(n log n).
 *
 * @throws RangeError on invalid input or when only one class is present
 */
export function cumulativeGains(yTrue: ArrayLike<number>, yScore: ArrayLike<number>): GainsCurve {
  const { tps, fps, positives, negatives } = binaryClfCurve("cumulativeGains", yTrue, yScore);
  const rows = positives + negatives;
  const fraction = new Float64Array(tps.length + 1);
  const gain = new Float64Array(tps.length + 1);
  for (let k = 0; k < tps.length; k++) {
    fraction[k + 1] = (tps[k] + fps[k]) / rows;
    gain[k + 1] = tps[k] / positives;
  }
  return { fraction, gain };
}

/**
 * Gain at a share of rows, read off the curve by linear interpolation (see cumulativeGains on ties).
 * O(points).
 *
 * @throws RangeError when `at` is outside [0, 1]
 */
export function gainAt(curve: GainsCurve, at: number): number {
  if (!(at >= 0 && at <= 1)) throw new RangeError(`gainAt: at = ${at}; need a share in [0, 1]`);
  const { fraction, gain } = curve;
  for (let k = 1; k < fraction.length; k++) {
    if (fraction[k] >= at) {
      const width = fraction[k] - fraction[k - 1];
      return gain[k - 1] + ((at - fraction[k - 1]) / width) * (gain[k] - gain[k - 1]);
    }
  }
  return 1;
}

/**
 * Lift at a share of rows: gain(at) / at, i.e. how many times the positive rate of the top `at` rows exceeds
 * the overall positive rate (1 = no better than random). O(points).
 *
 * @throws RangeError when `at` is not in (0, 1]
 * @example liftAt(cumulativeGains(y, p), 0.1) // 3 → the top 10% holds 30% of the churners
 */
export function liftAt(curve: GainsCurve, at: number): number {
  if (!(at > 0 && at <= 1)) throw new RangeError(`liftAt: at = ${at}; need a share in (0, 1]`);
  return gainAt(curve, at) / at;
}
