import type { DesignColumn, Matrix } from "../types.ts";

/**
 * SHAP values per original feature. `values` is column-major like Matrix: the value of feature f for row i is
 * values[f * rows + i] (one contiguous block per feature, which is what the importance and summary plots read).
 */
export interface ShapValues {
  /** E[f(x)] over the background: b + w · E[x] */
  baseValue: number;
  /** original feature names (the distinct `source`s, in design-column order of first appearance) */
  features: string[];
  rows: number;
  values: Float64Array;
}

/**
 * Exact SHAP values of a linear model in design space, margin (log-odds) scale. With independent features and an
 * interventional background, the Shapley value of design column j is φ_j = w_j · (x_j − E[x_j]); the values of all
 * design columns that come from one original feature (a one-hot group, a value and its missing indicator) are
 * summed, since SHAP values are additive over coalitions of columns. Local accuracy then holds exactly:
 * baseValue + Σ_f φ_f = b + w · x, the model's raw margin.
 *
 * Reference: Lundberg & Lee (2017), "A Unified Approach to Interpreting Model Predictions", Corollary 1 (linear
 * SHAP); shap's `LinearExplainer` with `feature_perturbation="interventional"`.
 *
 * O(rows · design columns).
 *
 * @param matrix design matrix (column-major) of the rows to explain
 * @param weights one weight per design column
 * @param intercept b
 * @param backgroundMean E[x] per design column, usually columnMeans(training design matrix)
 * @param columns design columns, whose `source` names the original feature
 * @throws RangeError when the lengths disagree
 */
export function linearShap(
  matrix: Matrix,
  weights: ArrayLike<number>,
  intercept: number,
  backgroundMean: ArrayLike<number>,
  columns: readonly DesignColumn[],
): ShapValues {
  // The explainer checks weights and means against the columns, and explain() the matrix against them.
  return linearExplainer(weights, intercept, backgroundMean, columns).explain(matrix);
}

/** linearShap with everything that does not depend on the rows worked out once (a served model explains row by row). */
export interface LinearExplainer {
  baseValue: number;
  /** the output features, in output order */
  features: readonly string[];
  explain(matrix: Matrix): ShapValues;
}

/**
 * Prepares linearShap for one model: the design-column → feature map and the base value. With `featureOrder`, the
 * values come out in that order (a feature without design columns explains 0), e.g. a model's feature-schema order;
 * without it, in design-column order of first appearance.
 * @throws RangeError when the lengths disagree, or a design column's source is not in `featureOrder`
 */
export function linearExplainer(
  weights: ArrayLike<number>,
  intercept: number,
  backgroundMean: ArrayLike<number>,
  columns: readonly DesignColumn[],
  featureOrder?: readonly string[],
): LinearExplainer {
  const cols = columns.length;
  if (weights.length !== cols || backgroundMean.length !== cols) {
    throw new RangeError(`linearShap: there are ${cols} column descriptions but ${weights.length} weights and ${backgroundMean.length} background means`);
  }
  const features: string[] = featureOrder ? [...featureOrder] : [];
  const index = new Map<string, number>(features.map((f, k) => [f, k]));
  const featureOf = new Int32Array(cols);
  for (let j = 0; j < cols; j++) {
    const source = columns[j]!.source;
    let f = index.get(source);
    if (f === undefined) {
      if (featureOrder) throw new RangeError(`linearShap: design column "${columns[j]!.name}" comes from "${source}", which is not among the features to explain`);
      f = features.length;
      index.set(source, f);
      features.push(source);
    }
    featureOf[j] = f;
  }
  let baseValue = intercept;
  for (let j = 0; j < cols; j++) baseValue += weights[j]! * backgroundMean[j]!;
  const w = Float64Array.from(weights);
  const mean = Float64Array.from(backgroundMean);

  return {
    baseValue,
    features,
    explain(matrix) {
      const { rows, data } = matrix;
      if (matrix.cols !== cols) throw new RangeError(`linearShap: the matrix has ${matrix.cols} columns but the model has ${cols}`);
      const values = new Float64Array(features.length * rows);
      for (let j = 0; j < cols; j++) {
        const wj = w[j]!;
        if (wj === 0) continue; // φ_j = 0: skipping keeps sparse (L1) models cheap
        const mj = mean[j]!;
        const source = j * rows;
        const target = featureOf[j]! * rows;
        for (let i = 0; i < rows; i++) values[target + i] += wj * (data[source + i]! - mj);
      }
      return { baseValue, features: [...features], rows, values };
    },
  };
}
