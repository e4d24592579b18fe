import { assertSortedFinite, sortedCopy } from "./sorted-sample.ts";

/**
 * First Wasserstein (earth mover's) distance between two 1-D samples: ∫ |F_u(x) − F_v(x)| dx, the area between
 * the two ECDFs, in the samples' units. scipy 1.10.1 `wasserstein_distance(u, v)` (unweighted): the sum over
 * consecutive merged values of |F_u − F_v| × gap.
 *
 * Reference: scipy.stats.wasserstein_distance / `_cdf_distance(1, …)`. O(n log n) (two typed-array sorts) +
 * one O(n) merge walk.
 *
 * @throws {RangeError} if a sample is empty or holds NaN/±Infinity
 * @example wassersteinDistance(Float64Array.of(0, 1, 3), Float64Array.of(5, 6, 8)) // 5
 */
export function wassersteinDistance(u: Float64Array, v: Float64Array): number {
  return wassersteinOnSorted(sortedCopy(u, "wassersteinDistance"), sortedCopy(v, "wassersteinDistance"));
}

/** wassersteinDistance on samples already sorted ascending and free of missing values. */
export function wassersteinDistanceSorted(u: Float64Array, v: Float64Array): number {
  assertSortedFinite(u, "wassersteinDistanceSorted");
  assertSortedFinite(v, "wassersteinDistanceSorted");
  return wassersteinOnSorted(u, v);
}

/**
 * Normed Wasserstein distance (Evidently's default drift measure for large numeric samples): the distance
 * divided by the reference's population standard deviation (numpy std, ddof 0), floored at 0.001 as Evidently
 * does so a constant reference column does not divide by zero. Unitless: 0.1 means "a tenth of a standard
 * deviation of mass moved".
 *
 * Reference: evidently stattests/wasserstein_distance_norm.py.
 */
export function wassersteinDistanceNormed(reference: Float64Array, current: Float64Array): number {
  const sortedReference = sortedCopy(reference, "wassersteinDistanceNormed");
  return wassersteinOnSorted(sortedReference, sortedCopy(current, "wassersteinDistanceNormed")) / normFor(sortedReference);
}

/** wassersteinDistanceNormed on samples already sorted ascending and free of missing values. */
export function wassersteinDistanceNormedSorted(reference: Float64Array, current: Float64Array): number {
  return wassersteinDistanceSorted(reference, current) / normFor(reference);
}

/** Evidently's divisor: max(std(reference, ddof = 0), 0.001). */
export const WASSERSTEIN_MIN_NORM = 0.001;

function normFor(reference: Float64Array): number {
  return Math.max(populationStd(reference), WASSERSTEIN_MIN_NORM);
}

/** numpy std with ddof 0, two-pass (mean first) like numpy, so a large mean does not cost precision. */
export function populationStd(values: Float64Array): number {
  const n = values.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i];
  const mean = sum / n;
  let squares = 0;
  for (let i = 0; i < n; i++) {
    const d = values[i] - mean;
    squares += d * d;
  }
  return Math.sqrt(squares / n);
}

function wassersteinOnSorted(u: Float64Array, v: Float64Array): number {
  const nu = u.length;
  const nv = v.length;
  let i = 0;
  let j = 0;
  let total = 0;
  let previous = Math.min(u[0], v[0]);
  // At each distinct merged value x: advance both ECDFs past x; the mass difference then holds until the next value.
  while (i < nu || j < nv) {
    const x = j >= nv || (i < nu && u[i] <= v[j]) ? u[i] : v[j];
    if (x !== previous) {
      total += Math.abs(i / nu - j / nv) * (x - previous);
      previous = x;
    }
    while (i < nu && u[i] === x) i++;
    while (j < nv && v[j] === x) j++;
  }
  return total;
}
