import { PSI_MIN_ROWS } from "../config.ts";
import { numericHistogram } from "./histogram.ts";
import { psiQuantileBinsSorted } from "./psi.ts";
import { sortFinite } from "./sorted-sample.ts";
import type { DriftHistogram } from "./types.ts";

/** One column of a data-quality PSI check against a frozen baseline. Plain JSON. */
export interface PsiColumnCheck {
  column: string;
  /** PSI on 10 baseline-quantile bins (psiQuantileBins) */
  psi: number;
  /** "fail" at psi ≥ threshold, "pass" below; null = not enough data (fewer than PSI_MIN_ROWS values on a side) */
  status: "pass" | "fail" | null;
  threshold: number;
  /** non-missing values per side */
  baselineValues: number;
  currentValues: number;
  /** missing values per side (NaN, ±Infinity), dropped before the statistic */
  missingBaseline: number;
  missingCurrent: number;
  histogram: DriftHistogram;
}

/**
 * PSI of one numeric column of the current data against its frozen baseline sample, with a pass/fail verdict at
 * `threshold` (PSI_THRESHOLD). Missing values are dropped first (as columnDrift does). A column with fewer than
 * PSI_MIN_ROWS values on either side keeps its PSI but gets no verdict (status null): with 10 bins the PSI of two
 * samples of one distribution averages about 9 / n, so a small side crosses 0.2 by chance alone.
 *
 * @returns null when a side has no value at all (PSI is undefined; the caller lists the column as skipped)
 * @throws {RangeError} if threshold is not a positive number
 */
export function psiColumnCheck(column: string, baseline: Float64Array, current: Float64Array, threshold: number): PsiColumnCheck | null {
  if (!(threshold > 0) || !Number.isFinite(threshold)) throw new RangeError(`psiColumnCheck: threshold must be a positive number, got ${threshold}`);
  const b = sortFinite(baseline);
  const c = sortFinite(current);
  if (b.sorted.length === 0 || c.sorted.length === 0) return null;
  const psi = psiQuantileBinsSorted(b.sorted, c.sorted).psi;
  const enough = Math.min(b.sorted.length, c.sorted.length) >= PSI_MIN_ROWS;
  return {
    column,
    psi,
    status: enough ? (psi >= threshold ? "fail" : "pass") : null,
    threshold,
    baselineValues: b.sorted.length,
    currentValues: c.sorted.length,
    missingBaseline: b.missing,
    missingCurrent: c.missing,
    histogram: numericHistogram(b.sorted, c.sorted),
  };
}
