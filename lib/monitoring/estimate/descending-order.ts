/**
 * Row indices by score, highest first; equal scores keep row order (lower index first), so "the top K" is one
 * well-defined set of rows for the estimate and for the realised value alike.
 * O(n log n).
 * @example descendingOrder([0.2, 0.9, 0.2, 0.5]) // [1, 3, 0, 2]
 */
export function descendingOrder(scores: ArrayLike<number>): Uint32Array {
  const order = Uint32Array.from({ length: scores.length }, (_, i) => i);
  // `|| a - b`: ties (and the NaN of ∞ − ∞) fall back to row order.
  return order.sort((a, b) => scores[b]! - scores[a]! || a - b);
}
