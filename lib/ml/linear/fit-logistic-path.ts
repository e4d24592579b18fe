import type { Matrix } from "../types.ts";
import { fitLogisticRegression, type LogisticRegressionOptions } from "./fit-logistic-regression.ts";
import type { LinearModel } from "./linear-model.ts";

export interface LogisticPathOptions extends Omit<LogisticRegressionOptions, "C" | "l1Ratio" | "init"> {
  /** regularisation strengths to fit (any order; each must be positive) */
  Cs: readonly number[];
  /** elastic-net mix shared by the whole path (default 0) */
  l1Ratio?: number;
  /** called as each model is fitted, in fitting order (increasing C); `index` points into Cs */
  onModel?: (model: LinearModel, index: number) => void;
}

/**
 * A regularisation path: one model per C, fitted in increasing C (decreasing penalty) with each fit warm-started
 * from the previous solution, as glmnet and scikit-learn's logistic_regression_path do. Neighbouring optima are
 * close, so a warm fit typically needs 1–3 outer iterations where a cold one needs 4–8.
 * Models come back in the order of `Cs`; equal inputs give bitwise-equal models (the fitting order is fixed).
 * @throws RangeError if Cs is empty (and whatever fitLogisticRegression throws)
 */
export function fitLogisticPath(x: Matrix, y: Uint8Array, options: LogisticPathOptions): LinearModel[] {
  const { Cs, onModel, ...fitOptions } = options;
  if (Cs.length === 0) throw new RangeError("fitLogisticPath needs at least one C");
  // Sort indices, not values, so ties keep their input order and results map back to Cs.
  const order = Cs.map((_, i) => i).sort((a, b) => Cs[a]! - Cs[b]! || a - b);
  const models = new Array<LinearModel>(Cs.length);
  let previous: LinearModel | undefined;
  for (const index of order) {
    const model = fitLogisticRegression(x, y, { ...fitOptions, C: Cs[index]!, init: previous });
    models[index] = model;
    onModel?.(model, index);
    previous = model;
  }
  return models;
}
