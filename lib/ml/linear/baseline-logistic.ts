import LogisticRegression from "ml-logistic-regression";
import { Matrix as MlMatrix } from "ml-matrix";
import type { BinaryClassifier, Matrix, ModelJson } from "../types.ts";
import { sigmoid } from "./sigmoid.ts";
import { stratifiedRowSample } from "./stratified-row-sample.ts";

export interface BaselineLogisticOptions {
  /** rows the package trains on, a stratified sample (default 2,500: it costs ~6 µs per row per step, see below) */
  maxRows?: number;
  /** gradient steps (default 250) */
  steps?: number;
  /** seed of the row sample (default 0) */
  seed?: number;
}

export interface BaselineLogisticJson extends ModelJson {
  family: "baseline-logistic";
  intercept: number;
  coef: number[];
  /** rows it was trained on (the stratified sample) and rows it was offered */
  sampleSize: number;
  trainingRows: number;
  steps: number;
  /** the package's learning rate (on the summed gradient) */
  learningRate: number;
}

/** The baseline: logistic regression as ml-logistic-regression fits it (plain gradient ascent, no penalty). */
export class BaselineLogisticModel implements BinaryClassifier {
  readonly family = "baseline-logistic";

  constructor(
    readonly intercept: number,
    readonly coef: Float64Array,
    readonly sampleSize: number,
    readonly trainingRows: number,
    readonly steps: number,
    readonly learningRate: number,
  ) {}

  /** intercept + x·coef: the package's testScores before its sigmoid, computed on typed arrays. */
  raw(x: Matrix): Float64Array {
    const { rows, cols, data } = x;
    if (cols !== this.coef.length) throw new RangeError(`BaselineLogisticModel.raw: x has ${cols} columns, the model ${this.coef.length}`);
    const z = new Float64Array(rows).fill(this.intercept);
    for (let j = 0; j < cols; j++) {
      const w = this.coef[j]!;
      for (let i = 0; i < rows; i++) z[i]! += w * data[j * rows + i]!;
    }
    return z;
  }

  probability(x: Matrix): Float64Array {
    const z = this.raw(x);
    for (let i = 0; i < z.length; i++) z[i] = sigmoid(z[i]!);
    return z;
  }

  toJSON(): BaselineLogisticJson {
    const { family, intercept, sampleSize, trainingRows, steps, learningRate } = this;
    return { family, intercept, coef: Array.from(this.coef), sampleSize, trainingRows, steps, learningRate };
  }

  static fromJSON(json: ModelJson): BaselineLogisticModel {
    const { family, intercept, coef, sampleSize, trainingRows, steps, learningRate } = json;
    if (family !== "baseline-logistic") throw new RangeError(`BaselineLogisticModel.fromJSON: family is "${family}", expected "baseline-logistic"`);
    const numbers = [intercept, sampleSize, trainingRows, steps, learningRate];
    if (!numbers.every((v) => typeof v === "number") || !Array.isArray(coef) || !coef.every((c) => typeof c === "number")) {
      throw new RangeError("BaselineLogisticModel.fromJSON: intercept, sampleSize, trainingRows, steps, learningRate must be numbers and coef numbers");
    }
    return new BaselineLogisticModel(Number(intercept), Float64Array.from(coef), Number(sampleSize), Number(trainingRows), Number(steps), Number(learningRate));
  }
}

/**
 * Fits the baseline with ml-logistic-regression 2.0 on a capped, stratified, seeded row sample.
 *
 * The package's quirks (ARCHITECTURE.md §5), and what this does about each:
 * - No intercept: a column of ones is prepended; its weight is the intercept.
 * - No regularisation; plain gradient ascent weights += rate · Xᵀ(y − p) on the *summed* gradient: the rate is set to
 *   1/(L·m) with L = λ_max(X̃ᵀX̃/m)/4, the Lipschitz constant of the mean log-loss gradient (power iteration below), so
 *   each step is the textbook safe step 1/L on the mean loss whatever the sample size.
 * - A binary `train` fits two one-vs-all classifiers, the second with labels flipped: this builds the first one only
 *   (through the package's own `load`) and trains it on y itself, so its scores are P(y = 1); the mirror image would
 *   double the cost and add nothing.
 * - Every step allocates per-row arrays and transposes X (ml-matrix stores rows as separate arrays): measured here
 *   6–10 µs per row per step (100 steps on 180,000 × 31 took 38 s). Hence the cap: 2,500 rows × 250 steps take a
 *   few seconds. The model records `sampleSize` and `steps` so the model card can say what the baseline saw.
 */
export function fitBaselineLogistic(x: Matrix, y: Uint8Array, options: BaselineLogisticOptions = {}): BaselineLogisticModel {
  const { rows: n, cols: p, data } = x;
  const steps = options.steps ?? 250;
  if (y.length !== n) throw new RangeError(`fitBaselineLogistic: y has ${y.length} labels for ${n} rows`);
  if (!Number.isInteger(steps) || steps < 1) throw new RangeError(`fitBaselineLogistic: steps must be a positive integer, got ${steps}`);
  let positives = 0;
  for (let i = 0; i < n; i++) positives += y[i]!;
  if (positives === 0 || positives === n) throw new RangeError("fitBaselineLogistic needs both classes in y");

  const rows = stratifiedRowSample(y, options.maxRows ?? 2500, options.seed ?? 0);
  const m = rows.length;
  const features = new MlMatrix(m, p + 1);
  const target = new MlMatrix(m, 1);
  for (let k = 0; k < m; k++) {
    const i = rows[k]!;
    features.set(k, 0, 1);
    for (let j = 0; j < p; j++) features.set(k, j + 1, data[j * n + i]!);
    target.set(k, 0, y[i]!);
  }
  const learningRate = 1 / (lipschitzOfMeanLoss(features) * m);
  const wrapper = LogisticRegression.load({
    name: "LogisticRegression",
    numSteps: steps,
    learningRate,
    numberClasses: 1,
    classifiers: [{ numSteps: steps, learningRate, weights: null }],
  });
  const classifier = wrapper.classifiers[0]!;
  classifier.train(features, target);
  const weights = classifier.weights!.to1DArray();
  return new BaselineLogisticModel(weights[0]!, Float64Array.from(weights.slice(1)), m, n, steps, learningRate);
}

/** λ_max(XᵀX/m)/4 by 50 power iterations from a fixed start (deterministic; 5% accuracy is plenty for a step size). */
function lipschitzOfMeanLoss(features: MlMatrix): number {
  const m = features.rows;
  const cols = features.columns;
  const rowsData = features.to2DArray();
  let v = new Float64Array(cols).fill(1 / Math.sqrt(cols));
  let eigenvalue = 1;
  for (let iteration = 0; iteration < 50; iteration++) {
    const next = new Float64Array(cols);
    for (let k = 0; k < m; k++) {
      const row = rowsData[k]!;
      let dot = 0;
      for (let j = 0; j < cols; j++) dot += row[j]! * v[j]!;
      for (let j = 0; j < cols; j++) next[j]! += dot * row[j]!;
    }
    let norm = 0;
    for (let j = 0; j < cols; j++) norm += next[j]! * next[j]!;
    norm = Math.sqrt(norm);
    if (norm === 0) break;
    eigenvalue = norm / m;
    for (let j = 0; j < cols; j++) next[j]! /= norm;
    v = next;
  }
  return eigenvalue / 4;
}
