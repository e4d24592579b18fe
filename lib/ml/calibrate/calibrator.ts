import { fitIsotonic, isotonicPredict, type IsotonicThresholds } from "./isotonic-regression.ts";
import { fitPlatt, plattProbability, type PlattParams } from "./platt-scaling.ts";

/** A fitted calibrator as it is stored in the model artifact (`ModelArtifact.calibration`). */
export type CalibratorJson = { method: "platt"; a: number; b: number } | { method: "isotonic"; x: number[]; y: number[] };

export type CalibrationMethod = CalibratorJson["method"];

/** Maps a model's raw scores (margins, BinaryClassifier.raw) to calibrated probabilities. */
export interface Calibrator {
  readonly method: CalibrationMethod;
  /** One probability per raw score; NaN stays NaN. O(n) for Platt, O(n log m) for isotonic with m thresholds. */
  apply(raw: Float64Array): Float64Array;
  toJSON(): CalibratorJson;
}

/**
 * Isotonic needs this many validation rows and positives/negatives: below it the step function overfits (each
 * step is a handful of rows) and Platt's two parameters are the safer fit. scikit-learn's user guide says the same
 * ("isotonic … is prone to overfitting, especially on small datasets", it performs as well as or better than
 * sigmoid "when there is enough data (greater than ~ 1000 samples)"); 50 per class keeps the rarer class, churners,
 * from being a handful of steps.
 */
export const ISOTONIC_MIN_ROWS = 1000;
export const ISOTONIC_MIN_PER_CLASS = 50;

/**
 * The method `fitCalibrator` picks by default: isotonic when the validation slice has ≥ ISOTONIC_MIN_ROWS rows and
 * ≥ ISOTONIC_MIN_PER_CLASS of each class, otherwise Platt.
 * @example chooseCalibrationMethod(new Uint8Array(400)) // "platt"
 */
export function chooseCalibrationMethod(y: ArrayLike<number>): CalibrationMethod {
  let positives = 0;
  for (let i = 0; i < y.length; i++) positives += y[i] === 1 ? 1 : 0;
  const negatives = y.length - positives;
  return y.length >= ISOTONIC_MIN_ROWS && positives >= ISOTONIC_MIN_PER_CLASS && negatives >= ISOTONIC_MIN_PER_CLASS ? "isotonic" : "platt";
}

/**
 * Fits a calibrator of a model's raw scores on held-out rows (the validation slice, never the training rows the
 * model has seen). "auto" chooses with chooseCalibrationMethod.
 * @throws RangeError from fitPlatt / fitIsotonic (mismatched lengths, no rows, non-0/1 labels, one class for Platt)
 */
export function fitCalibrator(raw: ArrayLike<number>, y: ArrayLike<number>, method: CalibrationMethod | "auto" = "auto"): Calibrator {
  const chosen = method === "auto" ? chooseCalibrationMethod(y) : method;
  if (chosen === "platt") return new PlattCalibrator(fitPlatt(raw, y));
  for (let i = 0; i < y.length; i++) {
    if (y[i] !== 0 && y[i] !== 1) throw new RangeError(`fitCalibrator: y[${i}] = ${String(y[i])}; labels must be 0 or 1`);
  }
  return new IsotonicCalibrator(fitIsotonic(raw, y));
}

/**
 * Rebuilds a calibrator from its JSON, checking it: Platt's a, b finite; isotonic x, y the same non-zero length,
 * finite, x strictly increasing, y non-decreasing within [0, 1].
 * @throws RangeError on an unknown method or a malformed document
 */
export function calibratorFromJSON(json: CalibratorJson): Calibrator {
  if (json.method === "platt") {
    if (!Number.isFinite(json.a) || !Number.isFinite(json.b)) throw new RangeError(`calibratorFromJSON: Platt a = ${json.a}, b = ${json.b} must be finite`);
    return new PlattCalibrator({ a: json.a, b: json.b });
  }
  if (json.method === "isotonic") {
    const { x, y } = json;
    if (!Array.isArray(x) || !Array.isArray(y) || x.length === 0 || x.length !== y.length) {
      throw new RangeError("calibratorFromJSON: isotonic x and y must be arrays of the same, non-zero length");
    }
    for (let j = 0; j < x.length; j++) {
      if (!Number.isFinite(x[j]) || !Number.isFinite(y[j]) || y[j]! < 0 || y[j]! > 1) {
        throw new RangeError(`calibratorFromJSON: isotonic point ${j} (${String(x[j])}, ${String(y[j])}) must be finite with y in [0, 1]`);
      }
      if (j > 0 && (x[j]! <= x[j - 1]! || y[j]! < y[j - 1]!)) {
        throw new RangeError(`calibratorFromJSON: isotonic point ${j}: x must increase strictly and y must not decrease`);
      }
    }
    return new IsotonicCalibrator({ x: Float64Array.from(x), y: Float64Array.from(y) });
  }
  throw new RangeError(`calibratorFromJSON: unknown method ${JSON.stringify((json as { method?: unknown }).method)} (known: platt, isotonic)`);
}

class PlattCalibrator implements Calibrator {
  readonly method = "platt";
  constructor(private readonly params: PlattParams) {}
  apply(raw: Float64Array): Float64Array {
    const out = new Float64Array(raw.length);
    for (let i = 0; i < raw.length; i++) out[i] = plattProbability(this.params, raw[i]!);
    return out;
  }
  toJSON(): CalibratorJson {
    return { method: "platt", a: this.params.a, b: this.params.b };
  }
}

class IsotonicCalibrator implements Calibrator {
  readonly method = "isotonic";
  constructor(private readonly thresholds: IsotonicThresholds) {}
  apply(raw: Float64Array): Float64Array {
    const out = new Float64Array(raw.length);
    for (let i = 0; i < raw.length; i++) out[i] = isotonicPredict(this.thresholds, raw[i]!);
    return out;
  }
  toJSON(): CalibratorJson {
    return { method: "isotonic", x: Array.from(this.thresholds.x), y: Array.from(this.thresholds.y) };
  }
}
