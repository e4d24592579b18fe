import type { BinaryClassifier, Matrix, ModelJson } from "../types.ts";
import { sigmoid } from "./sigmoid.ts";

/** How a logistic-regression fit ended (all on the mean-scaled objective, see fit-logistic-regression.ts). */
export interface LogisticFitDiagnostics {
  /** outer (proximal Newton) iterations taken */
  iterations: number;
  converged: boolean;
  /** mean weighted log loss + λ·penalty, λ = 1/(C·Σ weights): sklearn's objective divided by C·Σ weights */
  objective: number;
  /** weighted mean training log loss at the solution */
  loss: number;
  /** largest violation of the optimality (KKT) conditions of the mean-scaled objective; ≤ tol when converged */
  optimality: number;
  /** coefficients (intercept excluded) that are not exactly zero */
  nonzero: number;
  /** rows used for the Hessian approximation (= rows of x when the Hessian is exact) */
  hessianRows: number;
}

/** The hyper-parameters a LinearModel was fitted with, in scikit-learn's names so trials read like sklearn's. */
export interface LogisticParams {
  C: number;
  l1_ratio: number;
  class_weight: "balanced" | { 0: number; 1: number } | null;
  fit_intercept: boolean;
  tol: number;
}

export interface LinearModelJson extends ModelJson {
  family: "logistic-regression";
  intercept: number;
  coef: number[];
  featureNames?: string[];
  params?: LogisticParams;
  diagnostics?: LogisticFitDiagnostics;
}

/**
 * A fitted logistic regression: raw = intercept + x·coef (the log-odds), probability = sigmoid(raw).
 * Immutable; `toJSON` writes plain numbers (float64 round-trips exactly through JSON), `fromJSON` reads them back.
 */
export class LinearModel implements BinaryClassifier {
  readonly family = "logistic-regression";

  constructor(
    readonly intercept: number,
    readonly coef: Float64Array,
    readonly params?: LogisticParams,
    readonly diagnostics?: LogisticFitDiagnostics,
    readonly featureNames?: readonly string[],
  ) {
    if (featureNames && featureNames.length !== coef.length) {
      throw new RangeError(`LinearModel: ${featureNames.length} feature names for ${coef.length} coefficients`);
    }
  }

  /** Margins intercept + x·coef, one per row. O(rows·cols), column by column (x is column-major). */
  raw(x: Matrix): Float64Array {
    const { rows, cols, data } = x;
    if (cols !== this.coef.length) {
      throw new RangeError(`LinearModel.raw: x has ${cols} columns but the model has ${this.coef.length} coefficients`);
    }
    const z = new Float64Array(rows).fill(this.intercept);
    for (let j = 0; j < cols; j++) {
      const w = this.coef[j]!;
      if (w === 0) continue;
      const offset = j * rows;
      for (let i = 0; i < rows; i++) z[i]! += w * data[offset + i]!;
    }
    return z;
  }

  probability(x: Matrix): Float64Array {
    const z = this.raw(x);
    for (let i = 0; i < z.length; i++) z[i] = sigmoid(z[i]!);
    return z;
  }

  toJSON(): LinearModelJson {
    return {
      family: this.family,
      intercept: this.intercept,
      coef: Array.from(this.coef),
      ...(this.featureNames ? { featureNames: [...this.featureNames] } : {}),
      ...(this.params ? { params: this.params } : {}),
      ...(this.diagnostics ? { diagnostics: this.diagnostics } : {}),
    };
  }

  static fromJSON(json: ModelJson): LinearModel {
    if (json.family !== "logistic-regression") {
      throw new RangeError(`LinearModel.fromJSON: family is "${json.family}", expected "logistic-regression"`);
    }
    const { intercept, coef } = json;
    if (typeof intercept !== "number" || !Array.isArray(coef) || !coef.every((c) => typeof c === "number")) {
      throw new RangeError("LinearModel.fromJSON: intercept must be a number and coef an array of numbers");
    }
    const j = json as LinearModelJson; // fields checked above; the optional ones are written only by toJSON
    return new LinearModel(intercept, Float64Array.from(coef), j.params, j.diagnostics, j.featureNames);
  }
}
