/**
 * Weighted isotonic (non-decreasing) least squares on values already in x order, in place: minimises
 * Σ wᵢ(ŷᵢ − yᵢ)² subject to ŷ₁ ≤ ŷ₂ ≤ … ≤ ŷₙ. Pool-adjacent-violators: walk left to right, merge a block with the
 * run of blocks after it while they do not increase (a block's value is its weighted mean, its weight the sum),
 * and after a merge step back one block, since the merged mean may now violate the block before it. Each merge
 * removes a block, so the walk is O(n) overall.
 *
 * The same algorithm and block bookkeeping as scikit-learn's `_inplace_contiguous_isotonic_regression`
 * (sklearn/_isotonic.pyx: Best & Chakravarti 1990, with the longest-decreasing-run enhancement): `blockEnd[i]` is
 * the last index of the block starting at i, `blockEnd[end]` points back to its start; `y[start]`, `w[start]` hold
 * the block's mean and weight until the final pass copies each mean over its block.
 *
 * @param y values, overwritten with the fit
 * @param w positive weights, overwritten with block weights (scratch)
 * @example const y = Float64Array.of(1, 3, 2, 4); poolAdjacentViolators(y, Float64Array.of(1, 1, 1, 1)); // y = [1, 2.5, 2.5, 4]
 */
export function poolAdjacentViolators(y: Float64Array, w: Float64Array): void {
  const n = y.length;
  const blockEnd = new Int32Array(n);
  for (let i = 0; i < n; i++) blockEnd[i] = i;
  let i = 0;
  while (i < n) {
    let k = blockEnd[i]! + 1;
    if (k === n) break;
    if (y[i]! < y[k]!) {
      i = k;
      continue;
    }
    // y[i] ≥ y[k]: pool the block at i with the non-increasing run of blocks that follows it.
    let sumWy = w[i]! * y[i]!;
    let sumW = w[i]!;
    for (;;) {
      const previous = y[k]!;
      sumWy += w[k]! * y[k]!;
      sumW += w[k]!;
      k = blockEnd[k]! + 1;
      if (k === n || previous < y[k]!) {
        y[i] = sumWy / sumW;
        w[i] = sumW;
        blockEnd[i] = k - 1;
        blockEnd[k - 1] = i;
        // Step back to the previous block's start: the new mean may be below it.
        if (i > 0) i = blockEnd[i - 1]!;
        break;
      }
    }
  }
  for (let start = 0; start < n; ) {
    const end = blockEnd[start]! + 1;
    y.fill(y[start]!, start + 1, end);
    start = end;
  }
}
