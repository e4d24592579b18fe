import { poolAdjacentViolators } from "./pool-adjacent-violators.ts";

/** A fitted increasing step-and-ramp function: interpolate linearly between (x[j], y[j]); x strictly increasing. */
export interface IsotonicThresholds {
  x: Float64Array;
  y: Float64Array;
}

/**
 * Two x values closer than this are one value: numpy's float64 `finfo.resolution`, the tolerance scikit-learn's
 * `_make_unique` merges duplicates with (an absolute difference, as there).
 */
const DUPLICATE_X = 1e-15;

/**
 * Isotonic regression of y on x with scikit-learn 1.2.1's `IsotonicRegression()` semantics (increasing, unit
 * weights, no y bounds), returning its `X_thresholds_` / `y_thresholds_`:
 *  1. sort by x (then y: sklearn's `np.lexsort((y, X))`);
 *  2. merge equal x values (within 1e-15) into one point whose y is their mean and whose weight is their count;
 *  3. pool adjacent violators on those points (poolAdjacentViolators);
 *  4. drop interior points whose fitted y equals both neighbours' (they add nothing to the interpolation).
 * Predict with `isotonicPredict` (linear interpolation, clipped to the fitted x range: out_of_bounds="clip").
 *
 * O(n log n) for the sort, O(n) after.
 *
 * @throws RangeError on mismatched lengths, no rows, or a non-finite x or y
 * @example fitIsotonic([0, 1, 1, 2, 3, 4], [0, 0, 1, 0, 0, 1]) // x [0, 1, 3, 4], y [0, 0.25, 0.25, 1]
 */
export function fitIsotonic(x: ArrayLike<number>, y: ArrayLike<number>): IsotonicThresholds {
  const n = x.length;
  if (y.length !== n) throw new RangeError(`fitIsotonic: ${n} x values but ${y.length} y values`);
  if (n === 0) throw new RangeError("fitIsotonic needs at least one point");
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(x[i]) || !Number.isFinite(y[i])) {
      throw new RangeError(`fitIsotonic: point ${i} is (${String(x[i])}, ${String(y[i])}); values must be finite`);
    }
  }
  const order = Uint32Array.from({ length: n }, (_, i) => i);
  order.sort((i, j) => x[i]! - x[j]! || y[i]! - y[j]!);

  // Step 2: one point per distinct x; the group keeps its first (smallest) x, as _make_unique does.
  const ux = new Float64Array(n);
  const uy = new Float64Array(n);
  const uw = new Float64Array(n);
  let groups = 0;
  let groupX = x[order[0]!]!;
  let sumY = 0;
  let count = 0;
  for (let r = 0; r < n; r++) {
    const xi = x[order[r]!]!;
    if (xi - groupX >= DUPLICATE_X) {
      ux[groups] = groupX;
      uy[groups] = sumY / count;
      uw[groups++] = count;
      groupX = xi;
      sumY = 0;
      count = 0;
    }
    sumY += y[order[r]!]!;
    count++;
  }
  ux[groups] = groupX;
  uy[groups] = sumY / count;
  uw[groups++] = count;

  const fitX = ux.subarray(0, groups);
  const fitY = uy.subarray(0, groups);
  poolAdjacentViolators(fitY, uw.subarray(0, groups));

  // Step 4: keep the ends and every point where the fit changes on one side.
  const keptX: number[] = [];
  const keptY: number[] = [];
  for (let j = 0; j < groups; j++) {
    const interior = j > 0 && j < groups - 1;
    if (!interior || fitY[j] !== fitY[j - 1] || fitY[j] !== fitY[j + 1]) {
      keptX.push(fitX[j]!);
      keptY.push(fitY[j]!);
    }
  }
  return { x: Float64Array.from(keptX), y: Float64Array.from(keptY) };
}

/**
 * The fitted function at t: clipped to [x₀, x_last], then linear between the two thresholds around it, computed as
 * numpy's `np.interp` does (scipy's interp1d delegates to it for float64 data, and IsotonicRegression.predict calls
 * interp1d): j = the last threshold with x[j] ≤ t; exactly y[j] when t = x[j], else slope·(t − x[j]) + y[j].
 * One threshold: that constant. NaN in, NaN out.
 *
 * O(log m) for m thresholds.
 */
export function isotonicPredict(thresholds: IsotonicThresholds, t: number): number {
  const { x, y } = thresholds;
  const m = x.length;
  if (Number.isNaN(t)) return Number.NaN;
  if (t <= x[0]!) return y[0]!;
  if (t >= x[m - 1]!) return y[m - 1]!;
  // Binary search for the last j with x[j] ≤ t (x[0] < t < x[m − 1] here, so 0 ≤ j ≤ m − 2).
  let lo = 0;
  let hi = m - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    if (x[mid]! <= t) lo = mid;
    else hi = mid;
  }
  if (x[lo] === t) return y[lo]!;
  const slope = (y[lo + 1]! - y[lo]!) / (x[lo + 1]! - x[lo]!);
  return slope * (t - x[lo]!) + y[lo]!;
}
