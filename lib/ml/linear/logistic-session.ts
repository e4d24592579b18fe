import { sampleIndices, seededRandom } from "../seeded-random.ts";
import type { Matrix } from "../types.ts";
import { sum } from "./dense-kernels.ts";
import { elasticNetPenalty } from "./elastic-net-penalty.ts";
import { gatherRows } from "./hessian-sample.ts";
import { LinearModel, type LogisticFitDiagnostics } from "./linear-model.ts";
import { type ClassWeight, observationWeights } from "./observation-weights.ts";
import { createSolverState, type LogisticProblem, proximalNewton, type SolverState } from "./proximal-newton.ts";

/** What stays fixed across the fits of one data set (weights, intercept, Hessian sample). */
export interface LogisticDataOptions {
  fitIntercept?: boolean;
  classWeight?: ClassWeight;
  sampleWeight?: Float64Array;
  /** rows sampled for the Hessian ("all" = exact Newton); default defaultHessianRows(rows, cols) */
  hessianRows?: number | "all";
  /** seed of the Hessian row sample (default 0) */
  seed?: number;
  featureNames?: readonly string[];
}

/** What changes from fit to fit. */
export interface LogisticFitSettings {
  C: number;
  l1Ratio: number;
  tol: number;
  maxIterations: number;
  /** a previous solution to start from; the session's own last model continues without any extra pass */
  init?: { intercept: number; coef: Float64Array };
}

/**
 * Rows whose Hessian is formed. The exact Hessian costs n·p²/2 against ~n·p per iteration for the fused pass, so
 * past a few thousand rows it is estimated on a seeded sample costing about one pass (m ≈ 2n/p), but never on fewer
 * than 40 rows per coordinate (the sub-sampled Newton rate is about √(p/m)). Small problems (the reference fixture,
 * n = 1,500) get the exact Hessian and Newton's quadratic convergence.
 */
export function defaultHessianRows(n: number, p: number): number {
  return Math.min(n, Math.max(Math.ceil((2 * n) / (p + 1)), 40 * (p + 1), 4096));
}

/** Accuracy of the cold-start pre-solve: its optimum is ~5e-3 (sampling error, measured at 11,250 rows) from the full one. */
const PRESOLVE_TOL = 1e-3;

/**
 * Fits of one (x, y, weights) with shared work: row weights, the Hessian row sample and its gathered rows, and the
 * solver state (margins, gradient, curvature) at the last solution, so the next fit of a path or grid starts there
 * without a pass over x. Deterministic: the same sequence of fits gives bitwise-equal models.
 */
export class LogisticSession {
  private readonly v: Float64Array;
  private readonly totalWeight: number;
  private readonly hessianRows: Uint32Array;
  private readonly hessianX: Matrix;
  private readonly state: SolverState;
  private readonly beta: Float64Array;
  private last: LinearModel | undefined;
  readonly fitIntercept: boolean;

  constructor(
    readonly x: Matrix,
    readonly y: Uint8Array,
    private readonly options: LogisticDataOptions = {},
  ) {
    const { rows: n, cols: p } = x;
    checkData(x, y);
    this.fitIntercept = options.fitIntercept ?? true;
    this.v = observationWeights(y, options.sampleWeight, options.classWeight ?? null);
    this.totalWeight = sum(this.v);
    for (let i = 0; i < n; i++) this.v[i]! /= this.totalWeight;
    const requested = options.hessianRows === "all" ? n : (options.hessianRows ?? defaultHessianRows(n, p));
    if (!Number.isInteger(requested) || requested < 1) throw new RangeError(`fitLogisticRegression: hessianRows must be a positive integer or "all", got ${requested}`);
    const m = Math.min(n, requested);
    this.hessianRows = m === n ? Uint32Array.from({ length: n }, (_, i) => i) : sampleIndices(n, m, seededRandom(options.seed ?? 0));
    this.hessianX = m === n ? x : gatherRows(x, this.hessianRows);
    this.state = createSolverState(n, p + 1);
    this.beta = new Float64Array(p + 1);
  }

  fit(settings: LogisticFitSettings): LinearModel {
    const { C, l1Ratio, tol, maxIterations, init } = settings;
    checkSettings(this.x, C, l1Ratio, tol, maxIterations, init);
    const lambda = 1 / (C * this.totalWeight);
    const l1 = lambda * l1Ratio;
    const l2 = lambda * (1 - l1Ratio);
    const beta = this.beta;
    if (!init || init !== this.last) {
      // Not a continuation of this session's last fit: the stored margins belong to another β.
      this.state.marginsReady = false;
      this.state.hessianReady = false;
      beta.fill(0);
      if (init) {
        beta[0] = this.fitIntercept ? init.intercept : 0;
        beta.set(init.coef, 1);
      } else if (this.hessianRows.length < this.x.rows) {
        this.presolve(l1, l2, beta);
      }
    }
    const problem: LogisticProblem = { x: this.x, y: this.y, v: this.v, l1, l2, fitIntercept: this.fitIntercept, hessianRows: this.hessianRows, hessianX: this.hessianX };
    const result = proximalNewton(problem, beta, this.state, { tol, maxIterations });
    let nonzero = 0;
    for (let j = 1; j < beta.length; j++) if (beta[j] !== 0) nonzero++;
    const diagnostics: LogisticFitDiagnostics = {
      iterations: result.iterations,
      converged: result.converged,
      objective: result.loss + elasticNetPenalty(beta, null, 0, l1, l2),
      loss: result.loss,
      optimality: result.optimality,
      nonzero,
      hessianRows: this.hessianRows.length,
    };
    const params = { C, l1_ratio: l1Ratio, class_weight: this.options.classWeight ?? null, fit_intercept: this.fitIntercept, tol };
    this.last = new LinearModel(beta[0]!, beta.slice(1), params, diagnostics, this.options.featureNames);
    return this.last;
  }

  /** Solves the problem restricted to the Hessian sample (weights renormalised, same λ) into beta. */
  private presolve(l1: number, l2: number, beta: Float64Array): void {
    const rows = this.hessianRows;
    const m = rows.length;
    const y = new Uint8Array(m);
    const v = new Float64Array(m);
    let total = 0;
    let positives = 0;
    for (let k = 0; k < m; k++) {
      y[k] = this.y[rows[k]!]!;
      v[k] = this.v[rows[k]!]!;
      total += v[k]!;
      positives += y[k]!;
    }
    if (!(total > 0) || positives === 0 || positives === m) return; // a degenerate sample: start from zero instead
    for (let k = 0; k < m; k++) v[k]! /= total;
    const all = Uint32Array.from({ length: m }, (_, k) => k);
    const problem: LogisticProblem = { x: this.hessianX, y, v, l1, l2, fitIntercept: this.fitIntercept, hessianRows: all, hessianX: this.hessianX };
    proximalNewton(problem, beta, createSolverState(m, beta.length), { tol: PRESOLVE_TOL, maxIterations: 50, alwaysRefreshExact: false });
  }
}

function checkData(x: Matrix, y: Uint8Array): void {
  const { rows: n, cols: p, data } = x;
  if (data.length !== n * p) throw new RangeError(`fitLogisticRegression: x.data has ${data.length} values, expected rows·cols = ${n * p}`);
  if (y.length !== n) throw new RangeError(`fitLogisticRegression: y has ${y.length} labels for ${n} rows`);
  let positives = 0;
  for (let i = 0; i < n; i++) {
    const label = y[i]!;
    if (label > 1) throw new RangeError(`fitLogisticRegression: y[${i}] = ${label}; labels must be 0 or 1`);
    positives += label;
  }
  if (positives === 0 || positives === n) throw new RangeError("fitLogisticRegression needs both classes in y");
}

function checkSettings(x: Matrix, C: number, l1Ratio: number, tol: number, maxIterations: number, init: LogisticFitSettings["init"]): void {
  if (!(C > 0) || !Number.isFinite(C)) throw new RangeError(`fitLogisticRegression: C must be a positive finite number, got ${C}`);
  if (!(l1Ratio >= 0 && l1Ratio <= 1)) throw new RangeError(`fitLogisticRegression: l1Ratio must be in [0, 1], got ${l1Ratio}`);
  if (!(tol > 0)) throw new RangeError(`fitLogisticRegression: tol must be positive, got ${tol}`);
  if (!Number.isInteger(maxIterations) || maxIterations < 0) throw new RangeError(`fitLogisticRegression: maxIterations must be a non-negative integer, got ${maxIterations}`);
  if (init && init.coef.length !== x.cols) throw new RangeError(`fitLogisticRegression: init has ${init.coef.length} coefficients for ${x.cols} columns`);
}
