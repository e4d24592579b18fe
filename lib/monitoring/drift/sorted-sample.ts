/**
 * A numeric sample sorted ascending with the missing values taken out. Every numeric drift statistic here
 * (KS, Wasserstein, PSI, the histogram, the distinct count) walks sorted arrays, so a column is sorted once.
 */
export interface SortedSample {
  /** finite values, ascending */
  sorted: Float64Array;
  /** how many values were dropped: NaN and ±Infinity (Evidently also treats ±inf as missing) */
  missing: number;
}

/**
 * Copies `values`, sorts the copy (a typed-array sort: numeric, no comparator call) and drops the missing values.
 * O(n log n).
 *
 * @example sortFinite(Float64Array.of(3, NaN, 1)) // { sorted: [1, 3], missing: 1 }
 */
export function sortFinite(values: Float64Array): SortedSample {
  const copy = Float64Array.from(values).sort();
  // TypedArray sort order: −Infinity first, then the numbers, then +Infinity, then NaN last.
  let start = 0;
  while (start < copy.length && copy[start] === -Infinity) start++;
  let end = copy.length;
  while (end > start && !(copy[end - 1] < Infinity)) end--;
  return { sorted: copy.subarray(start, end), missing: copy.length - (end - start) };
}

/**
 * Throws unless `sorted` is non-empty, ascending and finite: the precondition of the `…Sorted` statistics.
 * O(n); it guards public entry points against unsorted input, which would give silently wrong numbers.
 */
export function assertSortedFinite(sorted: Float64Array, caller: string): void {
  if (sorted.length === 0) throw new RangeError(`${caller} needs a non-empty sample`);
  if (!Number.isFinite(sorted[0]) || !Number.isFinite(sorted[sorted.length - 1])) {
    throw new RangeError(`${caller} needs finite values (drop NaN and ±Infinity first)`);
  }
  for (let i = 1; i < sorted.length; i++) {
    if (!(sorted[i - 1] <= sorted[i])) throw new RangeError(`${caller} needs values sorted ascending`);
  }
}

/**
 * Sorts a copy of `values` for a standalone statistic, rejecting missing values instead of dropping them:
 * a caller that passes NaN to a statistic has a bug, and dropping would hide it (columnDrift drops and counts).
 */
export function sortedCopy(values: Float64Array, caller: string): Float64Array {
  const { sorted, missing } = sortFinite(values);
  if (missing > 0) throw new RangeError(`${caller} needs finite values; got ${missing} NaN or ±Infinity`);
  if (sorted.length === 0) throw new RangeError(`${caller} needs a non-empty sample`);
  return sorted;
}

/**
 * The q-quantile of a sorted sample with numpy's default "linear" method (Hyndman & Fan type 7):
 * virtual index h = (n − 1)·q, then numpy's `_lerp`, which interpolates from the nearer neighbour
 * (a + (b−a)·t for t < ½, b − (b−a)·(1−t) otherwise) so the result is bit-for-bit numpy's.
 *
 * Reference: numpy.quantile(method="linear"), numpy/lib/_function_base_impl.py `_quantile`, `_lerp`.
 *
 * @example linearQuantileSorted(Float64Array.of(1, 2, 3, 4), 0.5) // 2.5
 */
export function linearQuantileSorted(sorted: Float64Array, q: number): number {
  const n = sorted.length;
  const virtualIndex = (n - 1) * q;
  if (virtualIndex >= n - 1) return sorted[n - 1];
  if (virtualIndex <= 0) return sorted[0];
  const below = Math.floor(virtualIndex);
  const t = virtualIndex - below;
  const a = sorted[below];
  const b = sorted[below + 1];
  const difference = b - a;
  return t >= 0.5 ? b - difference * (1 - t) : a + difference * t;
}

/**
 * Number of distinct values in the union of two sorted samples, counting no further than `limit + 1`
 * (the test choice only needs to know "≤ 2", "≤ 5" or "more"), so the walk usually stops early.
 */
export function distinctUnionCount(a: Float64Array, b: Float64Array, limit: number): number {
  let i = 0;
  let j = 0;
  let count = 0;
  while ((i < a.length || j < b.length) && count <= limit) {
    const value = j >= b.length || (i < a.length && a[i] <= b[j]) ? a[i] : b[j];
    count++;
    while (i < a.length && a[i] === value) i++;
    while (j < b.length && b[j] === value) j++;
  }
  return count;
}
