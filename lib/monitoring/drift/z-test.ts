import { normalTwoSidedPValue } from "./regularized-gamma.ts";

export interface ZTestResult {
  /** (p_ref − p_cur) / √(P(1 − P)(1/n_ref + 1/n_cur)), P the pooled proportion */
  z: number;
  /** two-sided: P(|Z| ≥ |z|) */
  pValue: number;
}

/**
 * Pooled two-proportion z-test: does the share of "positive" rows differ between reference and current?
 * When both samples hold only one and the same value (pooled P is 0 or 1, z = 0/0), z = 0 and p = 1, as in
 * Evidently's z_stat_test.
 *
 * Reference: evidently stattests/z_stattest.py (`proportions_diff_z_stat_ind`, two-sided); the p-value as
 * 2·norm.sf(|z|) (same number as Evidently's 2·(1 − Φ(|z|)), without its rounding to 0 in the far tail). O(1).
 *
 * @param referencePositives rows with the positive value in the reference, out of `referenceRows`
 * @throws {RangeError} if a sample is empty or a count is out of range
 * @example zTestProportions(112, 400, 144, 500) // z −0.2643, p 0.7915
 */
export function zTestProportions(
  referencePositives: number,
  referenceRows: number,
  currentPositives: number,
  currentRows: number,
): ZTestResult {
  if (!(referenceRows > 0 && currentRows > 0)) throw new RangeError("zTestProportions needs non-empty samples");
  if (!(referencePositives >= 0 && referencePositives <= referenceRows && currentPositives >= 0 && currentPositives <= currentRows)) {
    throw new RangeError("zTestProportions: positives must be between 0 and the row count");
  }
  const p1 = referencePositives / referenceRows;
  const p2 = currentPositives / currentRows;
  const pooled = (p1 * referenceRows + p2 * currentRows) / (referenceRows + currentRows);
  const variance = pooled * (1 - pooled) * (1 / referenceRows + 1 / currentRows);
  if (variance === 0) return { z: 0, pValue: 1 };
  const z = (p1 - p2) / Math.sqrt(variance);
  return { z, pValue: normalTwoSidedPValue(z) };
}
