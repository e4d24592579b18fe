import type { Matrix } from "../types.ts";
import { bfgsUpdate } from "./bfgs-update.ts";
import { sum, transposeTimes } from "./dense-kernels.ts";
import { elasticNetPenalty } from "./elastic-net-penalty.ts";
import { fusedSweep } from "./fused-sweep.ts";
import { sampleHessian } from "./hessian-sample.ts";
import { penaltyOptimality } from "./penalty-optimality.ts";
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

/**
 * Per-row and curvature state at the current β, kept between fits of one data set: the loss and its gradient do not
 * depend on the penalty, so the next fit of a regularisation path starts from them without another pass over x,
 * and from the previous fit's curvature without forming a new Hessian. Buffers are allocated once.
 */
export interface SolverState {
  z: Float64Array;
  rowLoss: Float64Array;
  residual: Float64Array;
  /** loss gradient x̃ᵀ·residual (size cols + 1) */
  gradient: Float64Array;
  /** curvature matrix (size²), valid when hessianReady */
  hessian: Float64Array;
  /** z, rowLoss, residual and gradient describe the β the state was last used with */
  marginsReady: boolean;
  hessianReady: boolean;
  spare: { z: Float64Array; rowLoss: Float64Array; residual: Float64Array; gradient: Float64Array; dz: Float64Array };
}

export function createSolverState(rows: number, size: number): SolverState {
  const buffers = () => ({ z: new Float64Array(rows), rowLoss: new Float64Array(rows), residual: new Float64Array(rows), gradient: new Float64Array(size) });
  return { ...buffers(), hessian: new Float64Array(size * size), marginsReady: false, hessianReady: false, spare: { ...buffers(), dz: new Float64Array(rows) } };
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
 * gradient descent method for nonsmooth separable minimization"). Updates `beta` (β[0] = intercept) and `state`.
 * Each iteration
 *   1. stops when the KKT violation of the gradient g = x̃ᵀ(v∘(p − y)) is ≤ tol;
 *   2. takes the curvature: x̃ᵀ diag(v∘p(1−p)) x̃ on the Hessian rows (rescaled to estimate the full sum), formed
 *      afresh when the exact Hessian is cheap or the last step had to backtrack, otherwise the previous matrix with
 *      a BFGS correction from the last step's exact gradient change (Nocedal & Wright §6.1);
 *   3. minimises the quadratic model + penalty by coordinate descent (quadratic-cd.ts, O(p²) per sweep);
 *   4. tries the full step in one fused pass over x that also yields the next gradient (fused-sweep.ts), and
 *      backtracks until F(β + tΔ) ≤ F(β) + σ·t·D, D = gᵀΔ + penalty(β + Δ) − penalty(β), when it must.
 * With a sampled Hessian this is a sub-sampled Newton method (Byrd, Chin, Neveitt & Nocedal 2011, SIAM J. Optim. 21;
 * Roosta-Khorasani & Mahoney 2016): linear instead of quadratic convergence, but to the exact optimum, because
 * gradient, line search and stopping test use every row. Loss differences are summed row by row (not as a difference
 * of two sums), so the Armijo test stays meaningful when the decrease is ~1e-14.
 * Zero coefficients deep inside the L1 dead zone are frozen for one iteration (newGLMNET's shrinking); the stopping
 * test always checks every coordinate.
 */
export interface ProximalNewtonSettings {
  tol: number;
  maxIterations: number;
  /**
   * Form an exact Hessian every iteration (default true: quadratic convergence where the Hessian is cheap). The
   * pre-solve on a large sample sets false: there the m·p²/2 Hessian costs ~10 sample passes, and BFGS corrections
   * between fresh ones get within its loose tolerance in about as many iterations for a fraction of the work.
   */
  alwaysRefreshExact?: boolean;
}

export function proximalNewton(problem: LogisticProblem, beta: Float64Array, state: SolverState, settings: ProximalNewtonSettings): ProximalNewtonResult {
  const { x, y, v, l1, l2, fitIntercept, hessianRows, hessianX } = problem;
  const { rows: n, cols: p } = x;
  const size = p + 1;
  const m = hessianRows.length;
  const exact = m === n && (settings.alwaysRefreshExact ?? true);
  let sampleWeight = 0;
  for (let k = 0; k < m; k++) sampleWeight += v[hessianRows[k]!]!;
  const sampleScale = sampleWeight > 0 ? 1 / sampleWeight : 0;

  let current = { z: state.z, rowLoss: state.rowLoss, residual: state.residual, gradient: state.gradient };
  let trial = { z: state.spare.z, rowLoss: state.spare.rowLoss, residual: state.spare.residual, gradient: state.spare.gradient };
  const dz = state.spare.dz;
  const hessian = state.hessian;
  // z = x̃β with losses, residuals and the gradient, in one pass (unless the state already holds them).
  if (!state.marginsReady) fusedSweep(x, y, v, null, beta, 1, null, { dz, ...current });
  let refresh = exact || !state.hessianReady;

  const curvature = new Float64Array(m);
  const delta = new Float64Array(size);
  const gradientChange = new Float64Array(size);
  const movable = new Uint8Array(size).fill(1);
  if (!fitIntercept) movable[0] = 0;

  let iterations = 0;
  let converged = false;
  let optimality = Infinity;
  for (;;) {
    const gradient = current.gradient;
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
        const e = Math.exp(-Math.abs(current.z[row]!));
        curvature[k] = ((v[row]! * e) / ((1 + e) * (1 + e))) * sampleScale; // p(1 − p) = e / (1 + e)²
      }
      sampleHessian(hessianX, curvature, hessian);
      for (let j = 0; j < size; j++) hessian[j * size + j]! += HESSIAN_DAMPING;
      refresh = false;
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

    let step = 1;
    let accepted = fusedSweep(x, y, v, current.z, delta, 1, current.rowLoss, { dz, ...trial }) + fullStepPenalty - penaltyNow <= ARMIJO_SIGMA * decrease;
    for (let t = 1; t < MAX_BACKTRACKS && !accepted; t++) {
      step *= BACKTRACK;
      const lossChange = evaluateRows(current.z, dz, step, y, v, trial.rowLoss, trial.residual, current.rowLoss, trial.z);
      accepted = lossChange + elasticNetPenalty(beta, delta, step, l1, l2) - penaltyNow <= ARMIJO_SIGMA * step * decrease;
      if (accepted) {
        trial.gradient[0] = sum(trial.residual);
        transposeTimes(x, trial.residual, trial.gradient.subarray(1));
      }
    }
    if (!accepted) break;
    for (let j = 0; j < size; j++) {
      delta[j]! *= step;
      beta[j]! += delta[j]!;
      gradientChange[j] = trial.gradient[j]! - gradient[j]!;
    }
    // A step that had to backtrack means the quadratic model was poor: form the curvature afresh next time.
    if (exact || step < 1) refresh = true;
    else bfgsUpdate(hessian, delta, gradientChange);
    [current, trial] = [trial, current];
  }

  // Hand the buffers back in their current roles so the next fit finds the state of the final β.
  state.z = current.z;
  state.rowLoss = current.rowLoss;
  state.residual = current.residual;
  state.gradient = current.gradient;
  state.spare = { ...trial, dz };
  state.marginsReady = true;
  state.hessianReady = !refresh;

  let loss = 0;
  for (let i = 0; i < n; i++) loss += v[i]! * current.rowLoss[i]!;
  return { iterations, converged, optimality, loss };
}

/**
 * At margins z + step·dz, writes each row's log loss softplus(z) − y·z, its gradient residual v·(sigmoid(z) − y) and
 * the margin, and returns Σ v_i (loss_i − previous_i): one backtracking trial, with no pass over x.
 */
function evaluateRows(
  z: Float64Array,
  dz: Float64Array,
  step: number,
  y: Uint8Array,
  v: Float64Array,
  rowLoss: Float64Array,
  residual: Float64Array,
  previous: Float64Array,
  zOut: Float64Array,
): number {
  let total = 0;
  for (let i = 0; i < z.length; i++) {
    const zi = z[i]! + step * dz[i]!;
    zOut[i] = zi;
    const e = Math.exp(-Math.abs(zi));
    const prob = zi >= 0 ? 1 / (1 + e) : e / (1 + e);
    const yi = y[i]!;
    const li = (zi > 0 ? zi : 0) + Math.log1p(e) - yi * zi;
    rowLoss[i] = li;
    residual[i] = v[i]! * (prob - yi);
    total += v[i]! * (li - previous[i]!);
  }
  return total;
}
