import { readFileSync } from "node:fs";

export interface PlattReferenceCase {
  name: string;
  raw: number[];
  y: number[];
  /** scikit-learn 1.2.1 _sigmoid_calibration (fmin_bfgs, gtol 1e-5) */
  sklearn: { a: number; b: number };
  /** the same objective's optimum (Newton-polished in numpy; gradient ~1e-14) */
  optimum: { a: number; b: number; gradient: number[] };
  apply_raw: number[];
  apply: number[];
}

export interface IsotonicReferenceCase {
  name: string;
  raw: number[];
  y: number[];
  x_thresholds: number[];
  y_thresholds: number[];
  predict_raw: number[];
  predict: number[];
}

// Written by make-calibration-reference.py (scikit-learn 1.2.1, numpy 1.24.2); see its docstring.
export const calibrationReference = JSON.parse(readFileSync(new URL("./calibration_reference.json", import.meta.url), "utf8")) as {
  about: string;
  platt: PlattReferenceCase[];
  isotonic: IsotonicReferenceCase[];
};

/** |a − b| ≤ 1e-9 · max(1, |b|), the tolerance every lib/ml reference test uses. */
export function closeTo(actual: number, expected: number, tolerance = 1e-9): boolean {
  return Math.abs(actual - expected) <= tolerance * Math.max(1, Math.abs(expected));
}
