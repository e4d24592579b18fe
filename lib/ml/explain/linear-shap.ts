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
  const { rows, cols, data } = matrix;
  if (weights.length !== cols || backgroundMean.length !== cols || columns.length !== cols) {
    throw new RangeError(
      `linearShap: the matrix has ${cols} columns but there are ${weights.length} weights, ${backgroundMean.length} background means and ${columns.length} column descriptions`,
    );
  }
  const features: string[] = [];
  const featureOf = new Int32Array(cols);
  const index = new Map<string, number>();
  for (let j = 0; j < cols; j++) {
    const source = columns[j].source;
    let f = index.get(source);
    if (f === undefined) {
      f = features.length;
      index.set(source, f);
      features.push(source);
    }
    featureOf[j] = f;
  }
  let baseValue = intercept;
  for (let j = 0; j < cols; j++) baseValue += weights[j] * backgroundMean[j];

  const values = new Float64Array(features.length * rows);
  for (let j = 0; j < cols; j++) {
    const w = weights[j];
    if (w === 0) continue; // φ_j = 0: skipping keeps sparse (L1) models cheap
    const mean = backgroundMean[j];
    const source = j * rows;
    const target = featureOf[j] * rows;
    for (let i = 0; i < rows; i++) values[target + i] += w * (data[source + i] - mean);
  }
  return { baseValue, features, rows, values };
}
