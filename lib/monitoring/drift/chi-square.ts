import { chiSquareSurvival } from "./regularized-gamma.ts";

export interface ChiSquareResult {
  /** Pearson's Σ (observed − expected)² / expected over the categories the reference has */
  statistic: number;
  /** chi2.sf(statistic, k − 1), k = number of categories with a reference count > 0 */
  pValue: number;
  degreesOfFreedom: number;
  /** current rows in categories the reference never saw (left out of the statistic; see below) */
  unseenCurrent: number;
}

/**
 * Chi-square goodness of fit of the current category counts against the reference proportions:
 * expected_i = ref_i / Σref × (current rows in reference categories); scipy 1.10.1 `chisquare(observed, expected)`
 * on those, as Evidently's chisquare stattest does.
 *
 * Categories absent from the reference (ref count 0, current count > 0): Evidently passes them with an expected
 * count of 0, so its statistic is +∞ and p = 0 (a new category always means drift). An infinite statistic is
 * no measure of how much the known categories moved, so — like the reference fixture (drift_statistics.json,
 * third categorical case) — we leave them out of the statistic and count their rows in `unseenCurrent`;
 * columnDrift then applies Evidently's verdict (any unseen row → drifted). Categories with 0 on both sides
 * carry no information and are ignored.
 *
 * Reference: scipy.stats.chisquare; evidently stattests/chisquare_stattest.py. O(k).
 *
 * @param referenceCounts counts per category, aligned with `currentCounts`
 * @throws {RangeError} if lengths differ, a count is negative or not finite, or the reference is empty
 * @example chiSquareTest([20, 30, 50], [0, 30, 70]) // statistic 28, p 8.3e-7
 */
export function chiSquareTest(referenceCounts: ArrayLike<number>, currentCounts: ArrayLike<number>): ChiSquareResult {
  const k = referenceCounts.length;
  if (k !== currentCounts.length) {
    throw new RangeError(`chiSquareTest: ${k} reference counts but ${currentCounts.length} current counts`);
  }
  let referenceTotal = 0;
  let currentKnown = 0;
  let unseenCurrent = 0;
  let known = 0;
  for (let i = 0; i < k; i++) {
    const r = referenceCounts[i];
    const c = currentCounts[i];
    if (!(r >= 0 && c >= 0 && Number.isFinite(r) && Number.isFinite(c))) {
      throw new RangeError(`chiSquareTest: counts must be finite and ≥ 0 (category ${i}: ${r}, ${c})`);
    }
    if (r > 0) {
      referenceTotal += r;
      currentKnown += c;
      known++;
    } else {
      unseenCurrent += c;
    }
  }
  if (referenceTotal === 0) throw new RangeError("chiSquareTest needs at least one reference count > 0");
  const degreesOfFreedom = known - 1;
  // One reference category, or no current row in any of them: observed = expected, nothing to test.
  if (degreesOfFreedom === 0 || currentKnown === 0) return { statistic: 0, pValue: 1, degreesOfFreedom, unseenCurrent };

  const scale = currentKnown / referenceTotal;
  let statistic = 0;
  for (let i = 0; i < k; i++) {
    if (referenceCounts[i] === 0) continue;
    const expected = referenceCounts[i] * scale;
    const difference = currentCounts[i] - expected;
    statistic += (difference * difference) / expected;
  }
  return { statistic, pValue: chiSquareSurvival(statistic, degreesOfFreedom), degreesOfFreedom, unseenCurrent };
}
