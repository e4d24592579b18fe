/** Counts per category for both samples, aligned: categories[i] has reference[i] and current[i] rows. */
export interface CategoryCounts {
  /** union of both samples' categories, in ascending order (strings by code unit, numbers numerically) */
  categories: string[];
  reference: number[];
  current: number[];
  referenceTotal: number;
  currentTotal: number;
}

/**
 * Counts category labels; null (and undefined from untyped callers) is missing and not counted. The empty
 * string is a category, as in pandas. O(n) with one Map lookup per row.
 */
export function countCategories(
  reference: readonly (string | null)[],
  current: readonly (string | null)[],
): CategoryCounts & { missingReference: number; missingCurrent: number } {
  const index = new Map<string, number>();
  const referenceCounts: number[] = [];
  const currentCounts: number[] = [];
  const labels: string[] = [];
  const tally = (values: readonly (string | null)[], own: number[], other: number[]): number => {
    let missing = 0;
    for (let i = 0; i < values.length; i++) {
      const value = values[i];
      if (value === null || value === undefined) {
        missing++;
        continue;
      }
      let slot = index.get(value);
      if (slot === undefined) {
        slot = labels.length;
        index.set(value, slot);
        labels.push(value);
        own.push(0);
        other.push(0);
      }
      own[slot]++;
    }
    return missing;
  };
  const missingReference = tally(reference, referenceCounts, currentCounts);
  const missingCurrent = tally(current, currentCounts, referenceCounts);
  // Sorted so the z-test's "first category" and every output order are independent of row order.
  const order = labels.map((_, i) => i).sort((a, b) => (labels[a] < labels[b] ? -1 : labels[a] > labels[b] ? 1 : 0));
  return {
    categories: order.map((i) => labels[i]),
    reference: order.map((i) => referenceCounts[i]),
    current: order.map((i) => currentCounts[i]),
    referenceTotal: reference.length - missingReference,
    currentTotal: current.length - missingCurrent,
    missingReference,
    missingCurrent,
  };
}

/**
 * Counts the distinct values of two sorted numeric samples (a low-cardinality numeric column treated as
 * categories), labelled with String(value). One O(n) merge walk.
 */
export function countSortedValues(reference: Float64Array, current: Float64Array): CategoryCounts {
  const categories: string[] = [];
  const referenceCounts: number[] = [];
  const currentCounts: number[] = [];
  let i = 0;
  let j = 0;
  while (i < reference.length || j < current.length) {
    const value = j >= current.length || (i < reference.length && reference[i] <= current[j]) ? reference[i] : current[j];
    const i0 = i;
    const j0 = j;
    while (i < reference.length && reference[i] === value) i++;
    while (j < current.length && current[j] === value) j++;
    categories.push(String(value));
    referenceCounts.push(i - i0);
    currentCounts.push(j - j0);
  }
  return {
    categories,
    reference: referenceCounts,
    current: currentCounts,
    referenceTotal: reference.length,
    currentTotal: current.length,
  };
}
