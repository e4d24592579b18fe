import type { LinearModel } from "../linear/linear-model.ts";
import { LogisticSession } from "../linear/logistic-session.ts";
import type { LinearSearchInput, LinearTrial, LinearTrialParams } from "./linear-search-types.ts";

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
  const model = session.fit({ C: params.C, l1Ratio: params.l1_ratio, tol: input.fit?.tol ?? 1e-7, maxIterations: input.fit?.maxIterations ?? 100, init });
  const score = input.score(input.yValidation, model.probability(input.validation));
  if (Number.isNaN(score)) throw new RangeError(`the validation score of C = ${params.C}, l1_ratio = ${params.l1_ratio} is NaN`);
  const { iterations = 0, converged = false, nonzero = 0 } = model.diagnostics ?? {};
  return { trial: { index, params, score, iterations, converged, nonzero }, model };
}

/** Whether score a beats b under the search direction (strictly: ties keep the earlier trial). */
export function isBetter(a: number, b: number, direction: LinearSearchInput["direction"]): boolean {
  return direction === "minimize" ? a < b : a > b;
}
