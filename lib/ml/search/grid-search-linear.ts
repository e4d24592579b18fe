import type { LinearModel } from "../linear/linear-model.ts";
import { evaluateTrial, isBetter } from "./evaluate-trial.ts";
import type { LinearSearchInput, LinearSearchResult, LinearTrial } from "./linear-search-types.ts";
import { logspace } from "./logspace.ts";

/** The default grid: C ∈ logspace(−3, 2, 8) (0.001 … 100) × l1_ratio ∈ {0, 0.5, 1}, 24 trials. */
export const DEFAULT_CS: readonly number[] = logspace(-3, 2, 8);
export const DEFAULT_L1_RATIOS: readonly number[] = [0, 0.5, 1];

/**
 * Grid search over C × l1_ratio, scored on the validation slice. For each l1_ratio (in the order given) the Cs are
 * walked in increasing order, each fit warm-started from the previous one (a regularisation path, as glmnet does),
 * so a trial usually costs 1–3 solver iterations. Trials are numbered in that order and reported through onTrial as
 * each finishes. Deterministic: the same data and options give the same trials and bitwise-equal coefficients.
 * @throws RangeError on an empty grid (and whatever the solver or the score function throws)
 */
export async function gridSearchLinear(
  input: LinearSearchInput & { Cs?: readonly number[]; l1Ratios?: readonly number[] },
): Promise<LinearSearchResult> {
  const Cs = [...(input.Cs ?? DEFAULT_CS)].sort((a, b) => a - b);
  const l1Ratios = input.l1Ratios ?? DEFAULT_L1_RATIOS;
  if (Cs.length === 0 || l1Ratios.length === 0) throw new RangeError("gridSearchLinear needs at least one C and one l1_ratio");
  const trials: LinearTrial[] = [];
  const models: LinearModel[] = [];
  let best: (LinearTrial & { model: LinearModel }) | undefined;
  for (const l1Ratio of l1Ratios) {
    let previous: LinearModel | undefined;
    for (const C of Cs) {
      const { trial, model } = evaluateTrial(input, trials.length, { C, l1_ratio: l1Ratio }, previous);
      trials.push(trial);
      models.push(model);
      if (!best || isBetter(trial.score, best.score, input.direction)) best = { ...trial, model };
      previous = model;
      await input.onTrial?.(trial);
    }
  }
  return { trials, models, best: best! };
}
