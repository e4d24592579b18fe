import type { Matrix } from "../types.ts";
import { sum, timesVector, transposeTimes } from "./dense-kernels.ts";
import { sampleHessian } from "./hessian-sample.ts";
import { elasticNetPenalty } from "./elastic-net-penalty.ts";
import { penaltyOptimality } from "./penalty-optimality.ts";
import { bfgsUpdate } from "./bfgs-update.ts";
import { solveQuadraticSubproblem } from "./quadratic-cd.ts";

/** One elastic-net logistic problem on the mean scale: Σ v_i · logloss_i + l2/2·‖w‖² + l1·‖w‖₁, Σ v_i = 1. */
export interface LogisticProblem {
  x: Matrix;
  y: Uint8Array;
  /** row weights summing to 1 */
  v: Float64Array;
  l1: number;
  l2: number;
  fitIntercept: boolean;
  /** rows whose curvature estimates the Hessian (all rows ⇒ exact Newton), and those rows of x */
  hessianRows: Uint32Array;
  hessianX: Matrix;
}

export interface ProximalNewtonResult {
  iterations: number;
  converged: boolean;
  optimality: number;
  /** Σ v_i · logloss_i at the solution */
  loss: number;
}

/** Armijo sufficient-decrease constant and backtracking factor (newGLMNET's σ = 0.01, β = 0.5). */
const ARMIJO_SIGMA = 0.01;
const BACKTRACK = 0.5;
const MAX_BACKTRACKS = 40;
/** Added to the Hessian diagonal so a column that is constant on the Hessian sample still gets a finite step. */
const HESSIAN_DAMPING = 1e-10;

/**
 * Proximal Newton with line search (newGLMNET: Yuan, Ho & Lin 2012, "An improved GLMNET for L1-regularized logistic
 * regression", JMLR 13; global convergence for any positive-definite curvature: Tseng & Yun 2009, "A coordinate
 * gradient descent method for nonsmooth separable minimization"). Updates `beta` (β[0] = intercept) in place.
 * Each iteration
 *   1. forms the gradient g = X̃ᵀ(v∘(p − y)) (one pass over the data) and stops when the KKT violation ≤ tol;
 *   2. forms the curvature X̃ᵀ diag(v∘p(1−p)) X̃ on the Hessian rows (rescaled to estimate the full sum);
 *   3. minimises the quadratic model + penalty by coordinate descent (quadratic-cd.ts, O(p²) per sweep);
 *   4. backtracks from the full step until F(β + tΔ) ≤ F(β) + σ·t·D, D = gᵀΔ + penalty(β + Δ) − penalty(β)
 *      (one pass for XΔ, then O(n) per trial on cached margins; the accepted trial leaves the next residuals).
 * With a sampled Hessian this is a sub-sampled Newton method (Byrd, Chin, Neveitt & Nocedal 2011, SIAM J. Optim. 21;
 * Roosta-Khorasani & Mahoney 2016): it converges linearly instead of quadratically, but to the exact optimum, because
 * gradient, line search and stopping test use every row. Loss differences are summed row by row (not as a difference
 * of two sums), so the Armijo test stays meaningful when the decrease is ~1e-14.
 * Zero coefficients deep inside the L1 dead zone are frozen for one iteration (newGLMNET's shrinking); the stopping
 * test always checks every coordinate.
 */
export function proximalNewton(problem: LogisticProblem, beta: Float64Array, settings: { tol: number; maxIterations: number }): ProximalNewtonResult {
  const { x, y, v, l1, l2, fitIntercept, hessianRows, hessianX } = problem;
  const { rows: n, cols: p } = x;
  const size = p + 1;
  const m = hessianRows.length;
  let sampleWeight = 0;
  for (let k = 0; k < m; k++) sampleWeight += v[hessianRows[k]!]!;
  const sampleScale = sampleWeight > 0 ? 1 / sampleWeight : 0;

  let z = new Float64Array(n);
  let zTrial = new Float64Array(n);
  let rowLoss = new Float64Array(n);
  let rowLossTrial = new Float64Array(n);
  let residual = new Float64Array(n);
  let residualTrial = new Float64Array(n);
  const dz = new Float64Array(n);
  timesVector(x, beta[0]!, beta.subarray(1), z);
  evaluateRows(z, null, 0, y, v, rowLoss, residual);

  const gradient = new Float64Array(size);
  const hessian = new Float64Array(size * size);
  const curvature = new Float64Array(m);
  const delta = new Float64Array(size);
  const movable = new Uint8Array(size).fill(1);
  if (!fitIntercept) movable[0] = 0;
  const exact = m === n;
  let refresh = true;
  const previousGradient = new Float64Array(size);
  const gradientChange = new Float64Array(size);
  const lastStep = new Float64Array(size);

  let iterations = 0;
  let converged = false;
  let optimality = Infinity;
  for (;;) {
    gradient[0] = sum(residual);
    transposeTimes(x, residual, gradient.subarray(1));
    optimality = penaltyOptimality(beta, gradient, l1, l2, fitIntercept);
    if (!Number.isFinite(optimality)) throw new RangeError("fitLogisticRegression: x contains NaN or infinite values");
    if (optimality <= settings.tol) {
      converged = true;
      break;
    }
    if (iterations >= settings.maxIterations) break;
    iterations++;

    if (refresh) {
      for (let k = 0; k < m; k++) {
        const row = hessianRows[k]!;
        const e = Math.exp(-Math.abs(z[row]!));
        curvature[k] = ((v[row]! * e) / ((1 + e) * (1 + e))) * sampleScale; // p(1 − p) = e / (1 + e)²
      }
      sampleHessian(hessianX, curvature, hessian);
      for (let j = 0; j < size; j++) hessian[j * size + j]! += HESSIAN_DAMPING;
    } else {
      for (let j = 0; j < size; j++) gradientChange[j] = gradient[j]! - previousGradient[j]!;
      bfgsUpdate(hessian, lastStep, gradientChange);
    }

    if (l1 > 0) {
      for (let j = 1; j < size; j++) movable[j] = beta[j] === 0 && Math.abs(gradient[j]!) < l1 - optimality ? 0 : 1;
    }
    // The subproblem needs only enough accuracy to keep the outer rate: 1e-4 of the current violation.
    solveQuadraticSubproblem({ size, hessian, gradient, w: beta, l1, l2, movable }, delta, { maxSweeps: 1000, tol: Math.max(1e-4 * optimality, 1e-16) });

    const penaltyNow = elasticNetPenalty(beta, null, 0, l1, l2);
    const fullStepPenalty = elasticNetPenalty(beta, delta, 1, l1, l2);
    let decrease = fullStepPenalty - penaltyNow;
    for (let j = 0; j < size; j++) decrease += gradient[j]! * delta[j]!;
    if (!(decrease < 0)) break; // no descent direction left: optimal within floating-point precision

    timesVector(x, delta[0]!, delta.subarray(1), dz);
    let step = 1;
    let accepted = false;
    for (let trial = 0; trial < MAX_BACKTRACKS && !accepted; trial++) {
      const lossChange = evaluateRows(z, dz, step, y, v, rowLossTrial, residualTrial, rowLoss, zTrial);
      const penaltyChange = (trial === 0 ? fullStepPenalty : elasticNetPenalty(beta, delta, step, l1, l2)) - penaltyNow;
      if (lossChange + penaltyChange <= ARMIJO_SIGMA * step * decrease) accepted = true;
      else step *= BACKTRACK;
    }
    if (!accepted) break;
    for (let j = 0; j < size; j++) {
      lastStep[j] = step * delta[j]!;
      beta[j]! += lastStep[j]!;
    }
    previousGradient.set(gradient);
    // A sampled Hessian is formed once and then corrected by BFGS from exact gradient differences; a step that
    // needed backtracking means the model was poor, so it is formed afresh. The exact Hessian is always fresh.
    refresh = exact || step < 1;
    [z, zTrial] = [zTrial, z];
    [rowLoss, rowLossTrial] = [rowLossTrial, rowLoss];
    [residual, residualTrial] = [residualTrial, residual];
  }

  let loss = 0;
  for (let i = 0; i < n; i++) loss += v[i]! * rowLoss[i]!;
  return { iterations, converged, optimality, loss };
}

/**
 * At margins z + step·dz (dz null: at z), writes each row's log loss softplus(z) − y·z and gradient residual
 * v·(sigmoid(z) − y) (one exp and one log1p per row), the new margins into zOut when given, and returns
 * Σ v_i (loss_i − previous_i) when `previous` is given, else Σ v_i · loss_i.
 */
function evaluateRows(
  z: Float64Array,
  dz: Float64Array | null,
  step: number,
  y: Uint8Array,
  v: Float64Array,
  rowLoss: Float64Array,
  residual: Float64Array,
  previous?: Float64Array,
  zOut?: Float64Array,
): number {
  let total = 0;
  for (let i = 0; i < z.length; i++) {
    const zi = dz ? z[i]! + step * dz[i]! : z[i]!;
    if (zOut) zOut[i] = zi;
    const e = Math.exp(-Math.abs(zi));
    const prob = zi >= 0 ? 1 / (1 + e) : e / (1 + e);
    const yi = y[i]!;
    const li = (zi > 0 ? zi : 0) + Math.log1p(e) - yi * zi;
    rowLoss[i] = li;
    residual[i] = v[i]! * (prob - yi);
    total += v[i]! * (previous ? li - previous[i]! : li);
  }
  return total;
}
