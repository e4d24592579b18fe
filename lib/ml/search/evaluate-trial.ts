import type { LinearModel } from "../linear/linear-model.ts";
import { LogisticSession } from "../linear/logistic-session.ts";
import type { LinearSearchInput, LinearTrial, LinearTrialParams } from "./linear-search-types.ts";

/**
 * KKT tolerance of the trial fits unless `fit.tol` says otherwise: 100× looser than the solver's default (still 10×
 * stricter than scikit-learn's default tol), which moves a validation AUC by < 1e-6 and saves about a third of the
 * iterations of a grid. The winning trial is then polished to the solver's default (polishBest).
 */
export const SEARCH_TOL = 1e-5;
const FINAL_TOL = 1e-7;

/** The session every trial of a search fits in (weights, Hessian sample and solver state shared). */
export function searchSession(input: LinearSearchInput): LogisticSession {
  const { tol: _tol, maxIterations: _maxIterations, ...data } = input.fit ?? {};
  return new LogisticSession(input.train, input.yTrain, data);
}

/** Fits one (C, l1_ratio), warm-started from `init` (cold when undefined), and scores it on the validation slice. */
export function evaluateTrial(
  input: LinearSearchInput,
  session: LogisticSession,
  index: number,
  params: LinearTrialParams,
  init: LinearModel | undefined,
): { trial: LinearTrial; model: LinearModel } {
  const model = session.fit({ C: params.C, l1Ratio: params.l1_ratio, tol: input.fit?.tol ?? SEARCH_TOL, maxIterations: input.fit?.maxIterations ?? 100, init });
  const score = input.score(input.yValidation, model.probability(input.validation));
  if (Number.isNaN(score)) throw new RangeError(`the validation score of C = ${params.C}, l1_ratio = ${params.l1_ratio} is NaN`);
  const { iterations = 0, converged = false, nonzero = 0 } = model.diagnostics ?? {};
  return { trial: { index, params, score, iterations, converged, nonzero }, model };
}

/** Whether score a beats b under the search direction (strictly: ties keep the earlier trial). */
export function isBetter(a: number, b: number, direction: LinearSearchInput["direction"]): boolean {
  return direction === "minimize" ? a < b : a > b;
}

/**
 * The best trial with its model refitted to the solver's default tolerance (warm-started from itself, so 1–3
 * iterations), and its score recomputed for that model, when the trials ran at SEARCH_TOL. With an explicit
 * `fit.tol` the trial's own model is already what was asked for and is returned as is.
 */
export function polishBest(input: LinearSearchInput, session: LogisticSession, best: LinearTrial & { model: LinearModel }): LinearTrial & { model: LinearModel } {
  if (input.fit?.tol !== undefined) return best;
  const model = session.fit({ C: best.params.C, l1Ratio: best.params.l1_ratio, tol: FINAL_TOL, maxIterations: input.fit?.maxIterations ?? 100, init: best.model });
  const score = input.score(input.yValidation, model.probability(input.validation));
  const { iterations = 0, converged = false, nonzero = 0 } = model.diagnostics ?? {};
  return { ...best, score, iterations: best.iterations + iterations, converged, nonzero, model };
}
