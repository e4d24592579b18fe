import { DRIFT_DEFAULTS, PSI_MIN_ROWS } from "../config.ts";
import { type CategoryCounts, countCategories, countSortedValues } from "./category-counts.ts";
import { chiSquareTest } from "./chi-square.ts";
import { categoricalHistogram, numericHistogram } from "./histogram.ts";
import { jensenShannonDistance } from "./jensen-shannon.ts";
import { ksTwoSampleSorted } from "./ks-two-sample.ts";
import { psiQuantileBinsSorted, psiStatus } from "./psi.ts";
import { LOW_CARDINALITY_MAX, selectDriftTest } from "./select-drift-test.ts";
import { distinctUnionCount, sortFinite } from "./sorted-sample.ts";
import type { ColumnDriftResult, ColumnValues, DriftOptions, DriftTest } from "./types.ts";
import { wassersteinDistanceNormedSorted } from "./wasserstein.ts";
import { zTestProportions } from "./z-test.ts";

type ResolvedOptions = Required<DriftOptions>;

/** At most this many new categories are listed in a result (the count of unseen rows drives the verdict). */
const MAX_NEW_CATEGORIES = 20;

/**
 * Drift of one column between a reference and a current sample, with Evidently's default test choice
 * (selectDriftTest): KS / chi-square / z-test (drift when p < pThreshold) for references of at most
 * `smallReferenceRows` non-missing rows, normed Wasserstein / Jensen–Shannon (drift when statistic ≥
 * distanceThreshold) for larger ones; plus PSI on reference deciles for every numeric column, and the two
 * distributions as shares for drawing.
 *
 * Missing values (NaN and ±Infinity in numeric columns, null in categorical ones) are dropped before every
 * statistic and counted in missingReference / missingCurrent, as Evidently does; a change in the missing rate is
 * not itself drift here (data-quality checks watch that). A category the reference never saw makes a chi-square
 * column drift (Evidently: expected 0 → p = 0); see chiSquareTest.
 *
 * Each numeric sample is sorted once (typed-array sort) and every statistic walks the sorted arrays:
 * O(n log n) per column.
 *
 * @throws {RangeError} if the two columns differ in name or kind, a sample has no non-missing value, or the
 *   options are inconsistent (psiWarn > psiFail)
 */
export function columnDrift(reference: ColumnValues, current: ColumnValues, options: DriftOptions = {}): ColumnDriftResult {
  if (reference.name !== current.name || reference.kind !== current.kind) {
    throw new RangeError(
      `columnDrift compares one column: got ${reference.kind} "${reference.name}" and ${current.kind} "${current.name}"`,
    );
  }
  const resolved = resolveOptions(options);
  return reference.kind === "numeric"
    ? numericDrift(reference.name, reference.values, (current as typeof reference).values, resolved)
    : categoricalDrift(reference.name, reference.values, (current as typeof reference).values, resolved);
}

function resolveOptions(options: DriftOptions): ResolvedOptions {
  const resolved: ResolvedOptions = {
    psiWarn: options.psiWarn ?? DRIFT_DEFAULTS.psiWarn,
    psiFail: options.psiFail ?? DRIFT_DEFAULTS.psiFail,
    pThreshold: options.pThreshold ?? DRIFT_DEFAULTS.pThreshold,
    distanceThreshold: options.distanceThreshold ?? DRIFT_DEFAULTS.distanceThreshold,
    smallReferenceRows: options.smallReferenceRows ?? DRIFT_DEFAULTS.smallReferenceRows,
  };
  if (!(resolved.psiWarn <= resolved.psiFail)) {
    throw new RangeError(`columnDrift: psiWarn (${resolved.psiWarn}) must not exceed psiFail (${resolved.psiFail})`);
  }
  return resolved;
}

function numericDrift(name: string, referenceValues: Float64Array, currentValues: Float64Array, options: ResolvedOptions): ColumnDriftResult {
  const reference = sortFinite(referenceValues);
  const current = sortFinite(currentValues);
  requireValues(name, reference.sorted.length, current.sorted.length);
  const distinct = distinctUnionCount(reference.sorted, current.sorted, LOW_CARDINALITY_MAX);
  const test = selectDriftTest("numeric", reference.sorted.length, distinct, options.smallReferenceRows);
  const psi = psiQuantileBinsSorted(reference.sorted, current.sorted).psi;
  const common = {
    column: name,
    kind: "numeric" as const,
    psi,
    // With few values PSI is mostly sampling noise (about (bins − 1) / n for identical distributions: 0.3 at n = 30),
    // so a verdict needs PSI_MIN_ROWS non-missing values on both sides; the number is still reported.
    psiStatus: Math.min(reference.sorted.length, current.sorted.length) >= PSI_MIN_ROWS ? psiStatus(psi, options) : null,
    referenceRows: referenceValues.length,
    currentRows: currentValues.length,
    missingReference: reference.missing,
    missingCurrent: current.missing,
  };
  if (test === "ks" || test === "wasserstein_normed") {
    const histogram = numericHistogram(reference.sorted, current.sorted);
    if (test === "ks") {
      const { statistic, pValue } = ksTwoSampleSorted(reference.sorted, current.sorted);
      return { ...common, ...pValueVerdict(test, statistic, pValue, options), newCategories: [], histogram };
    }
    const statistic = wassersteinDistanceNormedSorted(reference.sorted, current.sorted);
    return { ...common, ...distanceVerdict(test, statistic, options), newCategories: [], histogram };
  }
  // ≤ 5 distinct values: the values are categories (Evidently does the same).
  const counts = countSortedValues(reference.sorted, current.sorted);
  return { ...common, ...categoryVerdict(test, counts, options), histogram: categoricalHistogram(counts) };
}

function categoricalDrift(
  name: string,
  referenceValues: readonly (string | null)[],
  currentValues: readonly (string | null)[],
  options: ResolvedOptions,
): ColumnDriftResult {
  const counts = countCategories(referenceValues, currentValues);
  requireValues(name, counts.referenceTotal, counts.currentTotal);
  const test = selectDriftTest("categorical", counts.referenceTotal, counts.categories.length, options.smallReferenceRows);
  return {
    column: name,
    kind: "categorical",
    ...categoryVerdict(test, counts, options),
    psi: null,
    psiStatus: null,
    referenceRows: referenceValues.length,
    currentRows: currentValues.length,
    missingReference: counts.missingReference,
    missingCurrent: counts.missingCurrent,
    histogram: categoricalHistogram(counts),
  };
}

type Verdict = Pick<ColumnDriftResult, "test" | "statistic" | "pValue" | "threshold" | "drifted">;

function categoryVerdict(test: DriftTest, counts: CategoryCounts, options: ResolvedOptions): Verdict & { newCategories: string[] } {
  const newCategories = counts.categories
    .map((category, i) => ({ category, reference: counts.reference[i], current: counts.current[i] }))
    .filter((c) => c.reference === 0 && c.current > 0)
    .sort((a, b) => b.current - a.current)
    .slice(0, MAX_NEW_CATEGORIES)
    .map((c) => c.category);
  if (test === "z_test") {
    // Evidently: the first category in sorted order is 0, every other one 1 (so z is about the second's share).
    const referencePositives = counts.referenceTotal - counts.reference[0];
    const currentPositives = counts.currentTotal - counts.current[0];
    const { z, pValue } = zTestProportions(referencePositives, counts.referenceTotal, currentPositives, counts.currentTotal);
    return { ...pValueVerdict(test, z, pValue, options), newCategories };
  }
  if (test === "chi_square") {
    const result = chiSquareTest(counts.reference, counts.current);
    const verdict = pValueVerdict(test, result.statistic, result.pValue, options);
    // Evidently's chi-square gives p = 0 as soon as the current sample has a category the reference lacks.
    return { ...verdict, drifted: verdict.drifted || result.unseenCurrent > 0, newCategories };
  }
  if (test === "jensen_shannon") {
    return { ...distanceVerdict(test, jensenShannonDistance(counts.reference, counts.current), options), newCategories };
  }
  throw new RangeError(`columnDrift: ${test} is not a test on categories`);
}

function pValueVerdict(test: DriftTest, statistic: number, pValue: number, options: ResolvedOptions): Verdict {
  return { test, statistic, pValue, threshold: options.pThreshold, drifted: pValue < options.pThreshold };
}

function distanceVerdict(test: DriftTest, statistic: number, options: ResolvedOptions): Verdict {
  return { test, statistic, pValue: null, threshold: options.distanceThreshold, drifted: statistic >= options.distanceThreshold };
}

function requireValues(name: string, referenceCount: number, currentCount: number): void {
  if (referenceCount === 0 || currentCount === 0) {
    const side = referenceCount === 0 ? "reference" : "current";
    throw new RangeError(`columnDrift: column "${name}" has no non-missing values in the ${side} sample`);
  }
}
