import { HIST_STRIDE } from "./find-best-split.ts";

/**
 * Fills `hist` with the per-bin sums of gradients, hessians and row counts of the rows rows[start..end), every
 * feature. Gradients are first gathered into contiguous buffers in row order (sklearn's "ordered gradients"), so the
 * inner loop reads one bin column and two sequential arrays. With `identity` the rows are 0..n−1 (the root) and the
 * gather is skipped.
 *
 * Reference: scikit-learn `histogram.pyx` (`_build_histogram`, `_build_histogram_root`). O(rows · features).
 *
 * @param binned bins, column-major n × features
 * @param binsPerFeature histogram slots per feature (maxBins + 1)
 */
export function buildHistogram(
  hist: Float64Array,
  binned: Uint8Array,
  n: number,
  features: number,
  binsPerFeature: number,
  rows: Uint32Array,
  start: number,
  end: number,
  gradients: Float64Array,
  hessians: Float64Array,
  orderedGradients: Float64Array,
  orderedHessians: Float64Array,
  identity: boolean,
): void {
  hist.fill(0);
  const m = end - start;
  const stride = binsPerFeature * HIST_STRIDE;
  if (identity) {
    for (let f = 0; f < features; f++) {
      const base = f * stride;
      const col = f * n;
      for (let k = 0; k < m; k++) {
        const o = base + binned[col + k]! * HIST_STRIDE;
        hist[o] += gradients[k]!;
        hist[o + 1] += hessians[k]!;
        hist[o + 2] += 1;
      }
    }
    return;
  }
  for (let k = 0; k < m; k++) {
    const row = rows[start + k]!;
    orderedGradients[k] = gradients[row]!;
    orderedHessians[k] = hessians[row]!;
  }
  for (let f = 0; f < features; f++) {
    const base = f * stride;
    const col = f * n;
    for (let k = 0; k < m; k++) {
      const o = base + binned[col + rows[start + k]!]! * HIST_STRIDE;
      hist[o] += orderedGradients[k]!;
      hist[o + 1] += orderedHessians[k]!;
      hist[o + 2] += 1;
    }
  }
}

/**
 * Histogram subtraction: the larger child's histogram is the parent's minus its sibling's, which halves the
 * histogram work of a level (sklearn `_subtract_histograms`; Ke et al. 2017, LightGBM §3). O(features · bins).
 */
export function subtractHistogram(target: Float64Array, parent: Float64Array, sibling: Float64Array): void {
  for (let i = 0; i < target.length; i++) target[i] = parent[i]! - sibling[i]!;
}
