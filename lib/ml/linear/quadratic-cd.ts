/**
 * The proximal-Newton subproblem of an elastic-net logistic fit, solved by cyclic coordinate descent:
 *
 *   minimise over Δ   gᵀΔ + ½ ΔᵀHΔ + l2/2 · ‖w + Δ‖² + l1 · ‖w + Δ‖₁     (coordinate 0, the intercept, unpenalised)
 *
 * with H explicit (size × size, row-major). Each coordinate step is the closed-form soft-threshold update
 * u = S(A·cur − G, l1) / (A + l2), where cur = w_j + Δ_j, A = H_jj and G = g_j + (HΔ)_j; HΔ is kept up to date in
 * O(size) per step, so one sweep costs O(size²) and never touches the data (glmnet's "covariance updates",
 * Friedman, Hastie & Tibshirani 2010, §2.2; the outer scheme is newGLMNET, Yuan, Ho & Lin 2012).
 * Sweeps alternate between all movable coordinates and the nonzero ones only (glmnet's active-set cycling) until a
 * full sweep moves no coordinate by more than `tol`.
 */
export interface QuadraticSubproblem {
  size: number;
  /** curvature matrix, row-major, positive diagonal */
  hessian: Float64Array;
  /** gradient of the smooth loss at w */
  gradient: Float64Array;
  /** current point; w[0] is the intercept */
  w: Float64Array;
  l1: number;
  l2: number;
  /** 1 = the coordinate may move this iteration (shrinking and fit_intercept = false freeze the others) */
  movable: Uint8Array;
}

/** Solves into `delta` (zeroed first); returns the number of sweeps. */
export function solveQuadraticSubproblem(
  problem: QuadraticSubproblem,
  delta: Float64Array,
  options: { maxSweeps: number; tol: number },
): number {
  const { size, hessian, gradient, w, l1, l2, movable } = problem;
  const hDelta = new Float64Array(size);
  delta.fill(0);
  let sweeps = 0;
  let activeOnly = false;
  while (sweeps < options.maxSweeps) {
    sweeps++;
    let largest = 0;
    for (let j = 0; j < size; j++) {
      if (movable[j] === 0) continue;
      const cur = w[j]! + delta[j]!;
      if (activeOnly && cur === 0 && j !== 0) continue;
      const a = hessian[j * size + j]!;
      const grad = gradient[j]! + hDelta[j]!;
      let next: number;
      if (j === 0) {
        next = cur - grad / a;
      } else {
        const target = a * cur - grad;
        const shrunk = target > l1 ? target - l1 : target < -l1 ? target + l1 : 0;
        next = shrunk / (a + l2);
      }
      const step = next - cur;
      if (step === 0) continue;
      delta[j]! += step;
      const row = j * size; // H is symmetric: column j = row j
      for (let k = 0; k < size; k++) hDelta[k]! += step * hessian[row + k]!;
      const moved = Math.abs(step) * Math.sqrt(a);
      if (moved > largest) largest = moved;
    }
    if (largest <= options.tol) {
      if (!activeOnly) break; // a full sweep moved nothing: done
      activeOnly = false; // the active set has converged: check every coordinate once more
    } else if (!activeOnly) {
      activeOnly = true;
    }
  }
  return sweeps;
}
