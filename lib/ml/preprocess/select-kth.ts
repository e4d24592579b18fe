/**
 * Rearranges `values[0..length)` so that values[k] is the k-th smallest (0-based), everything before it is ≤ and
 * everything after it is ≥ (C++ nth_element). Hoare partitioning around a median-of-three pivot, so runs of equal
 * values (common in count features) split evenly instead of degrading to O(n²).
 *
 * Reference: C. A. R. Hoare (1961), "Algorithm 65: Find"; Sedgewick, Algorithms 4th ed., §2.3 (median-of-three,
 * equal keys stop both scans).
 *
 * Expected O(n); used for medians because a full sort is several times slower on 180k-row columns.
 * NaN must have been removed by the caller.
 */
export function selectKth(values: Float64Array, length: number, k: number): number {
  let left = 0;
  let right = length - 1;
  while (right > left) {
    const middle = (left + right) >>> 1;
    // Median of three, moved to `left` as the pivot.
    if (values[middle] < values[left]) swap(values, middle, left);
    if (values[right] < values[left]) swap(values, right, left);
    if (values[right] < values[middle]) swap(values, right, middle);
    swap(values, left, middle);
    const pivot = values[left];
    let i = left;
    let j = right + 1;
    for (;;) {
      do i++;
      while (i <= right && values[i] < pivot);
      do j--;
      while (values[j] > pivot);
      if (i >= j) break;
      swap(values, i, j);
    }
    swap(values, left, j);
    if (j === k) return values[k];
    if (j < k) left = j + 1;
    else right = j - 1;
  }
  return values[k];
}

function swap(values: Float64Array, a: number, b: number): void {
  const t = values[a];
  values[a] = values[b];
  values[b] = t;
}

/**
 * Median of the first `length` values (numpy's definition: the mean of the two middle values when the count is
 * even), reordering them. Expected O(n).
 */
export function medianInPlace(values: Float64Array, length: number): number {
  if (length === 0) return Number.NaN;
  const upper = length >>> 1;
  const upperValue = selectKth(values, length, upper);
  if (length % 2 === 1) return upperValue;
  // After selection everything before `upper` is ≤ it: the lower middle value is their maximum.
  let lowerValue = values[0];
  for (let i = 1; i < upper; i++) if (values[i] > lowerValue) lowerValue = values[i];
  return (lowerValue + upperValue) / 2;
}
