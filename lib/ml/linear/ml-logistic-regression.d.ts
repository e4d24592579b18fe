// Types for ml-logistic-regression 2.0 (the package ships none): only what baseline-logistic.ts uses.
declare module "ml-logistic-regression" {
  import type { Matrix } from "ml-matrix";

  interface TwoClassOptions {
    numSteps: number;
    learningRate: number;
    weights: null;
  }

  /** One binary classifier: batch gradient ascent on the summed log-likelihood, weights += rate · Xᵀ(y − p). */
  export interface LogisticRegressionTwoClasses {
    numSteps: number;
    learningRate: number;
    weights: Matrix | null;
    train(features: Matrix, target: Matrix): void;
    testScores(features: Matrix): number[];
  }

  export default class LogisticRegression {
    classifiers: LogisticRegressionTwoClasses[];
    numberClasses: number;
    constructor(options?: { numSteps?: number; learningRate?: number });
    train(x: Matrix, y: Matrix): void;
    predict(x: Matrix): number[];
    static load(model: { name: "LogisticRegression"; numSteps: number; learningRate: number; numberClasses: number; classifiers: TwoClassOptions[] }): LogisticRegression;
  }
}
