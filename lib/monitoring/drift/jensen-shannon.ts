/**
 * Jensen–Shannon distance in base 2 between two discrete distributions given as aligned counts or shares
 * (each side is normalised to sum 1 first): √(½ KL(p‖m) + ½ KL(q‖m)), m = (p + q)/2. 0 for identical
 * distributions, 1 for disjoint ones. scipy 1.10.1 `scipy.spatial.distance.jensenshannon(p, q, base=2)`; Evidently
 * passes it the category shares over the union of both samples' categories (a category one side lacks is a 0).
 *
 * Reference: scipy.spatial.distance.jensenshannon; evidently stattests/jensenshannon.py. O(k).
 *
 * @throws {RangeError} if lengths differ, a value is negative or not finite, or a side sums to 0
 * @example jensenShannonDistance([5, 0], [0, 7]) // 1
 */
export function jensenShannonDistance(p: ArrayLike<number>, q: ArrayLike<number>): number {
  const k = p.length;
  if (k !== q.length) throw new RangeError(`jensenShannonDistance: ${k} vs ${q.length} categories`);
  let pTotal = 0;
  let qTotal = 0;
  for (let i = 0; i < k; i++) {
    if (!(p[i] >= 0 && q[i] >= 0 && Number.isFinite(p[i]) && Number.isFinite(q[i]))) {
      throw new RangeError(`jensenShannonDistance: values must be finite and ≥ 0 (category ${i})`);
    }
    pTotal += p[i];
    qTotal += q[i];
  }
  if (pTotal === 0 || qTotal === 0) throw new RangeError("jensenShannonDistance needs both sides to sum to more than 0");
  // Summed as scipy does: Σ rel_entr(p, m) + Σ rel_entr(q, m), rel_entr(x, m) = x·ln(x/m) and 0 when x = 0
  // (m > 0 whenever x > 0).
  let left = 0;
  let right = 0;
  for (let i = 0; i < k; i++) {
    const pi = p[i] / pTotal;
    const qi = q[i] / qTotal;
    const mi = (pi + qi) / 2;
    if (pi > 0) left += pi * Math.log(pi / mi);
    if (qi > 0) right += qi * Math.log(qi / mi);
  }
  // max(…, 0): rounding can leave a tiny negative divergence for identical inputs.
  return Math.sqrt(Math.max((left + right) / Math.LN2 / 2, 0));
}
