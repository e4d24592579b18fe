import type { Matrix } from "../types.ts";

/**
 * Mean of each column of a column-major matrix: the background E[x] of linear SHAP when given the training design
 * matrix. O(rows · cols), one contiguous pass per column.
 *
 * @throws RangeError on a matrix with no rows
 */
export function columnMeans(matrix: Matrix): Float64Array {
  const { rows, cols, data } = matrix;
  if (rows === 0) throw new RangeError("columnMeans needs at least one row");
  const means = new Float64Array(cols);
  for (let j = 0; j < cols; j++) {
    let sum = 0;
    const base = j * rows;
    for (let i = 0; i < rows; i++) sum += data[base + i];
    means[j] = sum / rows;
  }
  return means;
}
