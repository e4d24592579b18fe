import type { LogisticRegressionOptions } from "../linear/fit-logistic-regression.ts";
import type { LinearModel } from "../linear/linear-model.ts";
import type { Matrix } from "../types.ts";

/** A point of the search, in scikit-learn's names so stored trials read like sklearn's cv_results_. */
export interface LinearTrialParams {
  C: number;
  l1_ratio: number;
}

/** One finished trial, as onTrial receives it (plain JSON: the pipeline stores it as is). */
export interface LinearTrial {
  /** 0-based, in the order trials finish */
  index: number;
  params: LinearTrialParams;
  /** the validation score (score(yValidation, probabilities)) */
  score: number;
  /** outer solver iterations and whether the fit converged */
  iterations: number;
  converged: boolean;
  /** nonzero coefficients (L1 sparsity) */
  nonzero: number;
}

export interface LinearSearchInput {
  train: Matrix;
  yTrain: Uint8Array;
  validation: Matrix;
  yValidation: Uint8Array;
  /** validation metric of 0/1 labels and predicted probabilities, e.g. rocAuc or average precision */
  score: (y: Uint8Array, p: Float64Array) => number;
  /** "maximize" (default: AUC, PR-AUC) or "minimize" (log loss, Brier) */
  direction?: "maximize" | "minimize";
  /**
   * Called as each trial finishes, before the next starts; a returned promise is awaited, so the pipeline can write
   * the trial to the store (and let its event loop run) between fits.
   */
  onTrial?: (trial: LinearTrial) => void | Promise<void>;
  /** solver options shared by every trial (class weights, tolerance, seed, …) */
  fit?: Omit<LogisticRegressionOptions, "C" | "l1Ratio" | "init">;
}

export interface LinearSearchResult {
  trials: LinearTrial[];
  /** the fitted model of each trial, aligned with trials (coefficient paths for the trials chart) */
  models: LinearModel[];
  /** the best trial (first of equals, in trial order) and its fitted model */
  best: LinearTrial & { model: LinearModel };
}
