/**
 * The BFGS update of a symmetric curvature matrix B (size², row-major, in place) from a step s and the gradient
 * change y it caused:  B ← B − (Bs)(Bs)ᵀ / (sᵀBs) + yyᵀ / (yᵀs),  after which Bs = y (the secant condition).
 * Skipped when yᵀs ≤ 1e-10 · sᵀBs, which would break positive definiteness (Nocedal & Wright 2006, "Numerical
 * Optimization", §6.1, eq. 6.19 and the curvature condition 6.7). Returns whether B changed. O(size²).
 */
export function bfgsUpdate(b: Float64Array, s: Float64Array, y: Float64Array): boolean {
  const size = s.length;
  const bs = new Float64Array(size);
  let sBs = 0;
  let ys = 0;
  for (let i = 0; i < size; i++) {
    let acc = 0;
    for (let j = 0; j < size; j++) acc += b[i * size + j]! * s[j]!;
    bs[i] = acc;
    sBs += s[i]! * acc;
    ys += y[i]! * s[i]!;
  }
  if (!(sBs > 0) || !(ys > 1e-10 * sBs)) return false;
  for (let i = 0; i < size; i++) {
    for (let j = 0; j < size; j++) b[i * size + j]! += (y[i]! * y[j]!) / ys - (bs[i]! * bs[j]!) / sBs;
  }
  return true;
}
