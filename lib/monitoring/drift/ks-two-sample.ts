import { kolmogorovSurvival } from "./kolmogorov/kolmogorov-survival.ts";
import { gcd, ksExactPValue } from "./ks-exact.ts";
import { assertSortedFinite, sortedCopy } from "./sorted-sample.ts";

export interface KsTwoSampleResult {
  /** D = max |F_ref − F_cur| over all observed values */
  statistic: number;
  /** two-sided p-value */
  pValue: number;
  /** which p-value scipy's method="auto" chose */
  method: "exact" | "asymptotic";
}

/** scipy ks_2samp(method="auto") computes the exact p-value while both samples have at most this many values. */
export const KS_MAX_EXACT_N = 10_000;

/**
 * Two-sample Kolmogorov–Smirnov test, two-sided, with scipy 1.10.1 `ks_2samp(ref, cur)` semantics
 * (method="auto"): the exact p-value (Hodges' lattice-path count) when max(n₁, n₂) ≤ 10,000, otherwise
 * kstwo.sf(D, round(n₁n₂/(n₁+n₂))), which is also what scipy falls back to if the exact count fails.
 * In exact mode D is reported as h/lcm(n₁, n₂), h = round(D·lcm), as scipy does.
 *
 * Reference: scipy.stats.ks_2samp (scipy/stats/_stats_py.py, v1.10.1); Hodges (1958).
 * O((n₁ + n₂) log(n₁ + n₂)) for the statistic (sorting); the exact p-value costs O(max·min) at worst
 * (≤ 10⁸ steps at the 10,000 cap), the asymptotic one O(n) at most.
 *
 * @throws {RangeError} if a sample is empty or holds NaN/±Infinity
 * @example ksTwoSample(Float64Array.of(1, 2, 3, 4, 5), Float64Array.of(3, 4, 5, 6, 7)) // D 0.4, p 0.8730158730
 */
export function ksTwoSample(reference: Float64Array, current: Float64Array): KsTwoSampleResult {
  return ksTwoSampleOnSorted(sortedCopy(reference, "ksTwoSample"), sortedCopy(current, "ksTwoSample"));
}

/** ksTwoSample on samples already sorted ascending and free of missing values (columnDrift sorts once). */
export function ksTwoSampleSorted(reference: Float64Array, current: Float64Array): KsTwoSampleResult {
  assertSortedFinite(reference, "ksTwoSampleSorted");
  assertSortedFinite(current, "ksTwoSampleSorted");
  return ksTwoSampleOnSorted(reference, current);
}

function ksTwoSampleOnSorted(a: Float64Array, b: Float64Array): KsTwoSampleResult {
  const n1 = a.length;
  const n2 = b.length;
  const d = maxEcdfDifference(a, b);
  const g = gcd(n1, n2);
  if (Math.max(n1, n2) <= KS_MAX_EXACT_N) {
    const lcm = (n1 / g) * n2;
    const h = roundHalfEven(d * lcm);
    const rounded = h / lcm;
    const p = ksExactPValue(n1, n2, h);
    if (!Number.isNaN(p)) return { statistic: rounded, pValue: p, method: "exact" };
    return asymptotic(n1, n2, rounded);
  }
  return asymptotic(n1, n2, d);
}

function asymptotic(n1: number, n2: number, d: number): KsTwoSampleResult {
  const m = Math.max(n1, n2);
  const n = Math.min(n1, n2);
  const effectiveN = roundHalfEven((m * n) / (m + n));
  return { statistic: d, pValue: kolmogorovSurvival(effectiveN, d), method: "asymptotic" };
}

/**
 * max over observed values v of |F_a(v) − F_b(v)|, F the right-continuous ECDF. Walks the two sorted samples
 * once; each side's ECDF is count/size, subtracted afterwards, exactly as scipy computes cdf1 − cdf2.
 */
function maxEcdfDifference(a: Float64Array, b: Float64Array): number {
  let i = 0;
  let j = 0;
  let max = 0;
  let min = 0;
  while (i < a.length || j < b.length) {
    const value = j >= b.length || (i < a.length && a[i] <= b[j]) ? a[i] : b[j];
    while (i < a.length && a[i] === value) i++;
    while (j < b.length && b[j] === value) j++;
    const difference = i / a.length - j / b.length;
    if (difference > max) max = difference;
    if (difference < min) min = difference;
  }
  return Math.max(max, -min);
}

/** numpy.round: halves go to the even neighbour. */
export function roundHalfEven(x: number): number {
  const floor = Math.floor(x);
  const fraction = x - floor;
  if (fraction < 0.5) return floor;
  if (fraction > 0.5) return floor + 1;
  return floor % 2 === 0 ? floor : floor + 1;
}
