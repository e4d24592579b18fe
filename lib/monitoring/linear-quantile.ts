/**
 * The q-quantile of values sorted ascending, numpy's default "linear" method (Hyndman & Fan type 7): the virtual
 * index h = (n − 1)·q, then interpolation between sorted[⌊h⌋] and the next value with numpy's `_lerp`, which
 * computes b − (b − a)·(1 − t) when t ≥ 0.5 so the result is exact at both ends (and bit-equal to numpy 1.24).
 *
 * O(1) on sorted input.
 *
 * @param sorted ascending, no NaN (the caller sorts once and asks several quantiles)
 * @param q in [0, 1]
 * @throws RangeError on empty input or q outside [0, 1]
 * @example linearQuantile(Float64Array.of(0.1, 0.2, 0.3, 0.4, 0.9), 0.9) // 0.7000000000000001, as np.quantile
 */
export function linearQuantile(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) throw new RangeError("linearQuantile needs at least one value");
  if (!(q >= 0 && q <= 1)) throw new RangeError(`linearQuantile: q = ${q} must be in [0, 1]`);
  const h = (n - 1) * q;
  const below = Math.floor(h);
  const above = Math.min(below + 1, n - 1);
  const t = h - below;
  const a = sorted[below]!;
  const b = sorted[above]!;
  const difference = b - a;
  return t >= 0.5 ? b - difference * (1 - t) : a + difference * t;
}
