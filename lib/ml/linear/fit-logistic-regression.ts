import type { Matrix } from "../types.ts";
import type { LinearModel } from "./linear-model.ts";
import { type LogisticDataOptions, LogisticSession } from "./logistic-session.ts";

export { defaultHessianRows } from "./logistic-session.ts";

export interface LogisticRegressionOptions extends LogisticDataOptions {
  /** inverse regularisation strength, scikit-learn's C (default 1) */
  C?: number;
  /** elastic-net mix: 0 = L2 (ridge), 1 = L1 (lasso), scikit-learn's l1_ratio (default 0) */
  l1Ratio?: number;
  /** warm start: a previous solution with the same columns (e.g. the neighbour on a regularisation path) */
  init?: { intercept: number; coef: Float64Array };
  /** stop when the largest optimality (KKT) violation of the mean-scaled objective is ≤ tol (default 1e-7) */
  tol?: number;
  /** cap on outer iterations (default 100) */
  maxIterations?: number;
}

/**
 * Elastic-net logistic regression with scikit-learn's parameterisation, solved to the exact optimum of
 *
 *   C · Σ_i s_i · logloss(y_i, b + x_i·w) + (1 − l1_ratio)/2 · ‖w‖² + l1_ratio · ‖w‖₁      (b unpenalised)
 *
 * where s_i = sample_weight_i · class_weight[y_i]. Internally the objective is divided by C·Σs_i (same minimiser):
 * mean weighted log loss + λ·penalty with λ = 1/(C·Σs_i), so `tol` means the same for 1,500 rows or 1.8M.
 * The solver is proximal Newton with coordinate descent inside (proximal-newton.ts). A cold start on a large matrix
 * first solves the same problem on the Hessian row sample (cheap: m ≪ n rows, exact Hessian), which lands within
 * sampling error of the optimum, so the full-data iterations only polish; a warm start (`init`) skips that.
 * For several fits of one data set (a path, a grid) use LogisticSession, which shares the work between fits.
 *
 * Deterministic: fixed summation orders and a seeded row sample, so equal inputs give bitwise-equal coefficients.
 * O(n·p) per iteration plus O(m·p²) per fresh Hessian; typically 3–8 iterations cold, 1–4 warm.
 * @throws RangeError on shape mismatches, labels other than 0/1, a single class, non-finite data or bad options
 *
 * @example
 * const model = fitLogisticRegression(x, y, { C: 0.1, l1Ratio: 0.5, classWeight: "balanced" });
 * model.diagnostics?.converged; // true
 */
export function fitLogisticRegression(x: Matrix, y: Uint8Array, options: LogisticRegressionOptions = {}): LinearModel {
  const { C = 1, l1Ratio = 0, tol = 1e-7, maxIterations = 100, init, ...data } = options;
  return new LogisticSession(x, y, data).fit({ C, l1Ratio, tol, maxIterations, init });
}
