import { sampleIndices, seededRandom } from "../seeded-random.ts";
import type { Matrix } from "../types.ts";
import { sum } from "./dense-kernels.ts";
import { elasticNetPenalty } from "./elastic-net-penalty.ts";
import { gatherRows } from "./hessian-sample.ts";
import { LinearModel, type LogisticParams } from "./linear-model.ts";
import { type ClassWeight, observationWeights } from "./observation-weights.ts";
import { type LogisticProblem, proximalNewton } from "./proximal-newton.ts";

export interface LogisticRegressionOptions {
  /** inverse regularisation strength, scikit-learn's C (default 1) */
  C?: number;
  /** elastic-net mix: 0 = L2 (ridge), 1 = L1 (lasso), scikit-learn's l1_ratio (default 0) */
  l1Ratio?: number;
  /** fit an unpenalised intercept (default true) */
  fitIntercept?: boolean;
  /** "balanced" (n / (2·n_class), like scikit-learn), explicit { 0: w0, 1: w1 }, or null (default) */
  classWeight?: ClassWeight;
  /** per-row weights multiplying the class weights (default all 1) */
  sampleWeight?: Float64Array;
  /** warm start: a previous solution with the same columns (e.g. the neighbour on a regularisation path) */
  init?: { intercept: number; coef: Float64Array };
  /** stop when the largest optimality (KKT) violation of the mean-scaled objective is ≤ tol (default 1e-7) */
  tol?: number;
  /** cap on outer iterations (default 100) */
  maxIterations?: number;
  /** rows sampled for the Hessian ("all" = exact Newton); default defaultHessianRows(rows, cols) */
  hessianRows?: number | "all";
  /** seed of the Hessian row sample (default 0) */
  seed?: number;
  featureNames?: readonly string[];
}

/**
 * Rows whose Hessian is formed each iteration. The exact Hessian costs n·p²/2 per iteration against ~2·n·p for the
 * gradient and line-search passes, so past a few thousand rows it is estimated on a seeded sample whose cost is about
 * one pass (m ≈ 2n/p), but never fewer than 40 rows per coordinate (the sub-sampled Newton rate is about √(p/m)).
 * Small problems (the reference fixture, n = 1,500) get the exact Hessian and Newton's quadratic convergence.
 */
export function defaultHessianRows(n: number, p: number): number {
  return Math.min(n, Math.max(Math.ceil((2 * n) / (p + 1)), 40 * (p + 1), 4096));
}

/** Accuracy of the cold-start pre-solve on the Hessian sample: beyond ~1e-4 its own sampling error dominates. */
const PRESOLVE_TOL = 1e-4;

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
 *
 * Deterministic: fixed summation orders and a seeded row sample, so equal inputs give bitwise-equal coefficients.
 * O(n·p) per iteration plus O(m·p²) for the Hessian; typically 3–8 iterations cold, 1–3 warm.
 * @throws RangeError on shape mismatches, labels other than 0/1, a single class, non-finite data or bad options
 *
 * @example
 * const model = fitLogisticRegression(x, y, { C: 0.1, l1Ratio: 0.5, classWeight: "balanced" });
 * model.diagnostics?.converged; // true
 */
export function fitLogisticRegression(x: Matrix, y: Uint8Array, options: LogisticRegressionOptions = {}): LinearModel {
  const { rows: n, cols: p } = x;
  const C = options.C ?? 1;
  const l1Ratio = options.l1Ratio ?? 0;
  const fitIntercept = options.fitIntercept ?? true;
  const tol = options.tol ?? 1e-7;
  const maxIterations = options.maxIterations ?? 100;
  checkInputs(x, y, C, l1Ratio, tol, maxIterations, options.init);

  const v = observationWeights(y, options.sampleWeight, options.classWeight ?? null);
  const totalWeight = sum(v);
  for (let i = 0; i < n; i++) v[i]! /= totalWeight;
  const lambda = 1 / (C * totalWeight);
  const l1 = lambda * l1Ratio;
  const l2 = lambda * (1 - l1Ratio);

  const requested = options.hessianRows === "all" ? n : (options.hessianRows ?? defaultHessianRows(n, p));
  if (!Number.isInteger(requested) || requested < 1) throw new RangeError(`fitLogisticRegression: hessianRows must be a positive integer or "all", got ${requested}`);
  const m = Math.min(n, requested);
  const hessianRows = m === n ? Uint32Array.from({ length: n }, (_, i) => i) : sampleIndices(n, m, seededRandom(options.seed ?? 0));
  const hessianX = m === n ? x : gatherRows(x, hessianRows);

  const beta = new Float64Array(p + 1); // β[0] is the intercept
  if (options.init) {
    beta[0] = fitIntercept ? options.init.intercept : 0;
    beta.set(options.init.coef, 1);
  } else if (m < n) {
    presolveOnSample(hessianX, y, v, hessianRows, l1, l2, fitIntercept, beta);
  }

  const problem: LogisticProblem = { x, y, v, l1, l2, fitIntercept, hessianRows, hessianX };
  const result = proximalNewton(problem, beta, { tol, maxIterations });

  let nonzero = 0;
  for (let j = 1; j <= p; j++) if (beta[j] !== 0) nonzero++;
  const params: LogisticParams = { C, l1_ratio: l1Ratio, class_weight: options.classWeight ?? null, fit_intercept: fitIntercept, tol };
  const diagnostics = {
    iterations: result.iterations,
    converged: result.converged,
    objective: result.loss + elasticNetPenalty(beta, null, 0, l1, l2),
    loss: result.loss,
    optimality: result.optimality,
    nonzero,
    hessianRows: m,
  };
  return new LinearModel(beta[0]!, beta.slice(1), params, diagnostics, options.featureNames);
}

/** Solves the problem restricted to the sample rows (weights renormalised, same λ) into beta, exactly. */
function presolveOnSample(
  sampleX: Matrix,
  y: Uint8Array,
  v: Float64Array,
  rows: Uint32Array,
  l1: number,
  l2: number,
  fitIntercept: boolean,
  beta: Float64Array,
): void {
  const m = rows.length;
  const sampleY = new Uint8Array(m);
  const sampleV = new Float64Array(m);
  let total = 0;
  for (let k = 0; k < m; k++) {
    sampleY[k] = y[rows[k]!]!;
    sampleV[k] = v[rows[k]!]!;
    total += sampleV[k]!;
  }
  let positives = 0;
  for (let k = 0; k < m; k++) positives += sampleY[k]!;
  if (!(total > 0) || positives === 0 || positives === m) return; // a degenerate sample: start from zero instead
  for (let k = 0; k < m; k++) sampleV[k]! /= total;
  const all = Uint32Array.from({ length: m }, (_, k) => k);
  proximalNewton({ x: sampleX, y: sampleY, v: sampleV, l1, l2, fitIntercept, hessianRows: all, hessianX: sampleX }, beta, { tol: PRESOLVE_TOL, maxIterations: 50 });
}

function checkInputs(
  x: Matrix,
  y: Uint8Array,
  C: number,
  l1Ratio: number,
  tol: number,
  maxIterations: number,
  init: LogisticRegressionOptions["init"],
): void {
  const { rows: n, cols: p, data } = x;
  if (data.length !== n * p) throw new RangeError(`fitLogisticRegression: x.data has ${data.length} values, expected rows·cols = ${n * p}`);
  if (y.length !== n) throw new RangeError(`fitLogisticRegression: y has ${y.length} labels for ${n} rows`);
  if (!(C > 0) || !Number.isFinite(C)) throw new RangeError(`fitLogisticRegression: C must be a positive finite number, got ${C}`);
  if (!(l1Ratio >= 0 && l1Ratio <= 1)) throw new RangeError(`fitLogisticRegression: l1Ratio must be in [0, 1], got ${l1Ratio}`);
  if (!(tol > 0)) throw new RangeError(`fitLogisticRegression: tol must be positive, got ${tol}`);
  if (!Number.isInteger(maxIterations) || maxIterations < 0) throw new RangeError(`fitLogisticRegression: maxIterations must be a non-negative integer, got ${maxIterations}`);
  if (init && init.coef.length !== p) throw new RangeError(`fitLogisticRegression: init has ${init.coef.length} coefficients for ${p} columns`);
  let positives = 0;
  for (let i = 0; i < n; i++) {
    const label = y[i]!;
    if (label > 1) throw new RangeError(`fitLogisticRegression: y[${i}] = ${label}; labels must be 0 or 1`);
    positives += label;
  }
  if (positives === 0 || positives === n) throw new RangeError("fitLogisticRegression needs both classes in y");
}
