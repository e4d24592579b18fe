import { seededRandom } from "../lib/ml/seeded-random.ts";
import type { Matrix } from "../lib/ml/types.ts";

/**
 * A synthetic stand-in for the e-learning training matrix (the feature SQL is not on this branch): `rows` rows of
 * `cols` standardised columns shaped like churn features — groups of strongly correlated columns (rolling 7/14/30-day
 * sums of one activity), a few one-hot dummies, skewed counts — and labels drawn from a logistic model with a fixed
 * seed (churn rate about 30%). Only the shape and conditioning matter for timing solvers.
 */
export function syntheticChurnProblem(rows: number, cols: number, seed: number): { x: Matrix; y: Uint8Array } {
  const random = seededRandom(seed);
  const normal = () => {
    // Box–Muller; 1 − u keeps log away from 0.
    const u = 1 - random();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
  };
  const data = new Float64Array(rows * cols);
  const activity = new Float64Array(rows);
  for (let j = 0; j < cols; j++) {
    const column = data.subarray(j * rows, (j + 1) * rows);
    const kind = j % 6;
    if (kind === 0) for (let i = 0; i < rows; i++) activity[i] = normal();
    for (let i = 0; i < rows; i++) {
      if (kind <= 2) column[i] = activity[i]! * (1 - 0.15 * kind) + 0.35 * kind * normal(); // rolling windows
      else if (kind === 3) column[i] = Math.exp(0.8 * normal()); // skewed count
      else if (kind === 4) column[i] = random() < 0.2 ? 1 : 0; // a one-hot dummy
      else column[i] = normal();
    }
    standardise(column);
  }
  const coef = Float64Array.from({ length: cols }, (_, j) => (j % 5 === 4 ? 0 : normal() * 0.6));
  const y = new Uint8Array(rows);
  for (let i = 0; i < rows; i++) {
    let z = -1.1;
    for (let j = 0; j < cols; j++) z += coef[j]! * data[j * rows + i]!;
    y[i] = random() < 1 / (1 + Math.exp(-z)) ? 1 : 0;
  }
  return { x: { rows, cols, data }, y };
}

function standardise(column: Float64Array): void {
  let mean = 0;
  for (const v of column) mean += v;
  mean /= column.length;
  let variance = 0;
  for (const v of column) variance += (v - mean) ** 2;
  const sd = Math.sqrt(variance / column.length) || 1;
  for (let i = 0; i < column.length; i++) column[i] = (column[i]! - mean) / sd;
}
