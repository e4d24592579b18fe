import { fitLogisticRegression } from "../linear/fit-logistic-regression.ts";
import type { LinearModel } from "../linear/linear-model.ts";
import type { LinearSearchInput, LinearTrial, LinearTrialParams } from "./linear-search-types.ts";

/** Fits one (C, l1_ratio), warm-started from `init`, and scores it on the validation slice. */
export function evaluateTrial(
  input: LinearSearchInput,
  index: number,
  params: LinearTrialParams,
  init: LinearModel | undefined,
): { trial: LinearTrial; model: LinearModel } {
  const model = fitLogisticRegression(input.train, input.yTrain, { ...input.fit, C: params.C, l1Ratio: params.l1_ratio, init });
  const score = input.score(input.yValidation, model.probability(input.validation));
  if (Number.isNaN(score)) throw new RangeError(`the validation score of C = ${params.C}, l1_ratio = ${params.l1_ratio} is NaN`);
  const { iterations = 0, converged = false, nonzero = 0 } = model.diagnostics ?? {};
  return { trial: { index, params, score, iterations, converged, nonzero }, model };
}

/** Whether score a beats b under the search direction (strictly: ties keep the earlier trial). */
export function isBetter(a: number, b: number, direction: LinearSearchInput["direction"]): boolean {
  return direction === "minimize" ? a < b : a > b;
}
