import { HISTOGRAM_BINS, HISTOGRAM_TOP_CATEGORIES } from "../config.ts";
import type { CategoryCounts } from "./category-counts.ts";
import type { DriftHistogram } from "./types.ts";

/** Label of the bar that gathers the categories beyond the top ones (parenthesised so it reads as not-a-value). */
export const OTHER_CATEGORIES_LABEL = "(other)";

/**
 * Equal-width histogram of two sorted, non-empty, finite samples over their union range, as shares of each
 * sample (numpy.histogram semantics: [a, b) bins, the last closed). A constant union gets one bin of width 1
 * centred on the value. One O(n + bins) walk per sample.
 */
export function numericHistogram(reference: Float64Array, current: Float64Array, bins = HISTOGRAM_BINS): DriftHistogram {
  const min = Math.min(reference[0], current[0]);
  const max = Math.max(reference[reference.length - 1], current[current.length - 1]);
  const edges: number[] = [];
  if (min === max) {
    edges.push(min - 0.5, min + 0.5);
  } else {
    const width = (max - min) / bins;
    for (let i = 0; i < bins; i++) edges.push(min + i * width);
    edges.push(max);
  }
  return { kind: "numeric", edges, reference: sortedShares(reference, edges), current: sortedShares(current, edges) };
}

function sortedShares(sorted: Float64Array, edges: number[]): number[] {
  const bins = edges.length - 1;
  const shares: number[] = [];
  let start = 0;
  for (let bin = 0; bin < bins - 1; bin++) {
    let end = start;
    while (end < sorted.length && sorted[end] < edges[bin + 1]) end++;
    shares.push((end - start) / sorted.length);
    start = end;
  }
  shares.push((sorted.length - start) / sorted.length);
  return shares;
}

/**
 * Category shares of both samples, most frequent first (by reference share + current share, so a category that
 * only appears in the current sample still ranks), ties by label; past `top` categories the rest are summed
 * into one OTHER_CATEGORIES_LABEL bar.
 */
export function categoricalHistogram(counts: CategoryCounts, top = HISTOGRAM_TOP_CATEGORIES): DriftHistogram {
  const referenceShare = (i: number) => (counts.referenceTotal > 0 ? counts.reference[i] / counts.referenceTotal : 0);
  const currentShare = (i: number) => (counts.currentTotal > 0 ? counts.current[i] / counts.currentTotal : 0);
  const order = counts.categories.map((_, i) => i);
  // categories are already sorted by label, and Array.prototype.sort is stable: ties keep label order.
  order.sort((a, b) => referenceShare(b) + currentShare(b) - (referenceShare(a) + currentShare(a)));
  const kept = order.slice(0, top);
  const histogram = {
    kind: "categorical" as const,
    categories: kept.map((i) => counts.categories[i]),
    reference: kept.map(referenceShare),
    current: kept.map(currentShare),
  };
  if (order.length > top) {
    const rest = order.slice(top);
    histogram.categories.push(OTHER_CATEGORIES_LABEL);
    histogram.reference.push(rest.reduce((s, i) => s + referenceShare(i), 0));
    histogram.current.push(rest.reduce((s, i) => s + currentShare(i), 0));
  }
  return histogram;
}
