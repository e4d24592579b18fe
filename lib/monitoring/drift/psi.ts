import { PSI_BINS, PSI_FLOOR } from "../config.ts";
import { assertSortedFinite, linearQuantileSorted, sortedCopy } from "./sorted-sample.ts";

export type PsiStatus = "pass" | "warn" | "fail";

export interface PsiResult {
  /** Σ (c − b)·ln(c/b) over the bins, shares floored at PSI_FLOOR */
  psi: number;
  /**
   * bin edges, ascending: −Infinity, the distinct inner reference deciles, +Infinity (so bins − 1 inner edges).
   * Bin i is [edges[i], edges[i+1]). The infinities do not survive JSON.stringify (they become null).
   */
  edges: number[];
  /** reference share per bin (not floored) */
  reference: number[];
  /** current share per bin (not floored) */
  current: number[];
}

/**
 * Population Stability Index of a numeric column on 10 reference-quantile bins, exactly as the reference
 * fixture defines it: edges = the distinct values of numpy.quantile(reference, [0, .1, …, 1]) (default linear
 * method), the first and last replaced by −∞ and +∞; bins are [a, b) (numpy.histogram, whose last bin is
 * closed, which only matters at +∞); shares floored at 1e-6; PSI = Σ (c − b)·ln(c / b).
 * Ties in the reference collapse deciles, so a low-cardinality column gets fewer, wider bins. One deviation,
 * where the fixture's rule is degenerate: when at most two distinct deciles remain, the rule leaves a single
 * (−∞, +∞) bin and PSI is always 0; we then bin on those distinct values (see psiInnerEdges).
 *
 * Reference: drift_statistics.json `about`; evidently stattests/psi.py (same sum; Evidently bins differently).
 * O(n log n) (sorting), O(n) on sorted input.
 *
 * @throws {RangeError} if a sample is empty or holds NaN/±Infinity
 */
export function psiQuantileBins(reference: Float64Array, current: Float64Array): PsiResult {
  return psiOnSorted(sortedCopy(reference, "psiQuantileBins"), sortedCopy(current, "psiQuantileBins"));
}

/** psiQuantileBins on samples already sorted ascending and free of missing values (columnDrift sorts once). */
export function psiQuantileBinsSorted(reference: Float64Array, current: Float64Array): PsiResult {
  assertSortedFinite(reference, "psiQuantileBinsSorted");
  assertSortedFinite(current, "psiQuantileBinsSorted");
  return psiOnSorted(reference, current);
}

/**
 * PSI of two aligned share vectors (each summing to 1): Σ (c − b)·ln(c / b), each share floored at 1e-6 so an
 * empty bin costs a large but finite amount. 0 for identical shares; symmetric in its two arguments.
 *
 * @throws {RangeError} if lengths differ or there are fewer than two bins
 * @example populationStabilityIndex([0.25, 0.25, 0.25, 0.25], [0.1, 0.2, 0.3, 0.4]) // 0.2282174095733918
 */
export function populationStabilityIndex(referenceShares: ArrayLike<number>, currentShares: ArrayLike<number>): number {
  if (referenceShares.length !== currentShares.length) {
    throw new RangeError(`populationStabilityIndex: ${referenceShares.length} vs ${currentShares.length} bins`);
  }
  if (referenceShares.length < 2) throw new RangeError("populationStabilityIndex requires at least two bins");
  let psi = 0;
  for (let i = 0; i < referenceShares.length; i++) {
    const b = Math.max(referenceShares[i], PSI_FLOOR);
    const c = Math.max(currentShares[i], PSI_FLOOR);
    psi += (c - b) * Math.log(c / b);
  }
  return psi;
}

/**
 * "pass" below `warn`, "warn" from `warn` up to (not including) `fail`, "fail" from `fail` on
 * (defaults 0.1 and 0.25, lib/monitoring/config.ts).
 */
export function psiStatus(psi: number, thresholds: { psiWarn: number; psiFail: number }): PsiStatus {
  if (psi >= thresholds.psiFail) return "fail";
  if (psi >= thresholds.psiWarn) return "warn";
  return "pass";
}

/** The distinct inner decile edges of a sorted reference (the −∞/+∞ outer edges are implied). */
export function psiInnerEdges(sortedReference: Float64Array): number[] {
  const inner: number[] = [];
  const quantiles: number[] = [];
  // i·0.1, as numpy.linspace(0, 1, 11) computes them (step × index; the last is exactly 1).
  for (let i = 0; i <= PSI_BINS; i++) quantiles.push(i === PSI_BINS ? 1 : i * (1 / PSI_BINS));
  const values = quantiles.map((q) => linearQuantileSorted(sortedReference, q));
  // numpy.unique, then the first and last edge become ±∞: the inner edges are the distinct values after the first,
  // except the last distinct one.
  const distinct: number[] = [];
  for (const v of values) if (distinct.length === 0 || v !== distinct[distinct.length - 1]) distinct.push(v);
  for (let i = 1; i < distinct.length - 1; i++) inner.push(distinct[i]);
  if (inner.length > 0) return inner;
  // At most two distinct deciles (a constant or a 0/1 column): the rule above leaves one bin, (−∞, +∞), and a PSI
  // that is 0 whatever happens. Then bin on the distinct values themselves instead, plus one edge just above the
  // largest, so "below", "each value" and "above" are separate bins (a shift of a constant column shows).
  return [...distinct, nextUp(distinct[distinct.length - 1])];
}

/** The smallest float64 above a finite x. */
function nextUp(x: number): number {
  if (x === 0) return Number.MIN_VALUE;
  const bits = new Float64Array([x]);
  const integer = new BigInt64Array(bits.buffer);
  integer[0] += x > 0 ? 1n : -1n;
  return bits[0];
}

function psiOnSorted(reference: Float64Array, current: Float64Array): PsiResult {
  const inner = psiInnerEdges(reference);
  const referenceShares = sharesBelowEdges(reference, inner);
  const currentShares = sharesBelowEdges(current, inner);
  return {
    psi: populationStabilityIndex(referenceShares, currentShares),
    edges: [-Infinity, ...inner, Infinity],
    reference: referenceShares,
    current: currentShares,
  };
}

/** Shares of a sorted sample in the bins (−∞, e₀), [e₀, e₁), …, [e_last, +∞): one O(n + bins) walk. */
function sharesBelowEdges(sorted: Float64Array, inner: number[]): number[] {
  const counts = new Array<number>(inner.length + 1).fill(0);
  let start = 0;
  for (let bin = 0; bin < inner.length; bin++) {
    const edge = inner[bin];
    let end = start;
    while (end < sorted.length && sorted[end] < edge) end++;
    counts[bin] = end - start;
    start = end;
  }
  counts[inner.length] = sorted.length - start;
  return counts.map((c) => c / sorted.length);
}
