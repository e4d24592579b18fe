import { readFileSync } from "node:fs";
import type { Matrix } from "../../types.ts";

export interface ReferenceFit {
  C: number;
  l1_ratio: number;
  coef: number[];
  intercept: number;
  train_log_loss: number;
}

/**
 * A committed copy of /work/shared/reference/logistic_regression.json: 1500 × 8 standardised rows and scikit-learn
 * 1.2.1's optima for five (C, l1_ratio) pairs (lbfgs for l1_ratio 0, saga otherwise, tol 1e-12).
 */
export const logisticReference = JSON.parse(readFileSync(new URL("./logistic_regression.json", import.meta.url), "utf8")) as {
  about: string;
  X: number[][];
  y: number[];
  fits: ReferenceFit[];
};

/** The first `rows` rows of the reference X as a column-major Matrix, with their labels. */
export function referenceProblem(rows = logisticReference.X.length): { x: Matrix; y: Uint8Array } {
  const cols = logisticReference.X[0]!.length;
  const data = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) data[j * rows + i] = logisticReference.X[i]![j]!;
  return { x: { rows, cols, data }, y: Uint8Array.from(logisticReference.y.slice(0, rows)) };
}

/** Mean log loss of probabilities p for labels y (a test-local helper, independent of the solver's own sums). */
export function meanLogLoss(y: Uint8Array, p: Float64Array, weights?: Float64Array): number {
  let total = 0;
  let weight = 0;
  for (let i = 0; i < y.length; i++) {
    const w = weights ? weights[i]! : 1;
    total += -w * (y[i] === 1 ? Math.log(p[i]!) : Math.log(1 - p[i]!));
    weight += w;
  }
  return total / weight;
}
