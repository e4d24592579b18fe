import { describe, expect, it } from "vitest";
import { calibrationReference, closeTo } from "./__fixtures__/calibration-reference.ts";
import { calibratorFromJSON, chooseCalibrationMethod, fitCalibrator, ISOTONIC_MIN_PER_CLASS, ISOTONIC_MIN_ROWS, type CalibratorJson } from "./calibrator.ts";

/** `rows` labels with `positives` ones. */
const labels = (rows: number, positives: number) => Uint8Array.from({ length: rows }, (_, i) => (i < positives ? 1 : 0));

describe("chooseCalibrationMethod", () => {
  it("picks isotonic from 1000 rows with at least 50 of each class, Platt otherwise", () => {
    expect([ISOTONIC_MIN_ROWS, ISOTONIC_MIN_PER_CLASS]).toEqual([1000, 50]);
    expect(chooseCalibrationMethod(labels(1000, 50))).toBe("isotonic");
    expect(chooseCalibrationMethod(labels(1000, 950))).toBe("isotonic");
    expect(chooseCalibrationMethod(labels(999, 500))).toBe("platt");
    expect(chooseCalibrationMethod(labels(5000, 49))).toBe("platt");
    expect(chooseCalibrationMethod(labels(5000, 4951))).toBe("platt"); // 49 negatives
  });
});

describe("fitCalibrator", () => {
  it("chooses by size: isotonic on the 1500-row reference case, Platt on the 300-row one, each matching its fixture", () => {
    const big = calibrationReference.isotonic[0]!;
    const iso = fitCalibrator(big.raw, big.y);
    expect(iso.method).toBe("isotonic");
    const isoJson = iso.toJSON() as Extract<CalibratorJson, { method: "isotonic" }>;
    expect(isoJson.x).toEqual(big.x_thresholds);
    const predicted = iso.apply(Float64Array.from(big.predict_raw));
    predicted.forEach((p, i) => expect(closeTo(p, big.predict[i]!)).toBe(true));

    const small = calibrationReference.platt[0]!;
    const platt = fitCalibrator(small.raw, small.y);
    expect(platt.method).toBe("platt");
    const applied = platt.apply(Float64Array.from(small.apply_raw));
    applied.forEach((p, i) => expect(closeTo(p, small.apply[i]!)).toBe(true));
  });

  it("honours an explicit method", () => {
    const big = calibrationReference.isotonic[0]!;
    expect(fitCalibrator(big.raw, big.y, "platt").method).toBe("platt");
    const small = calibrationReference.platt[0]!;
    expect(fitCalibrator(small.raw, small.y, "isotonic").method).toBe("isotonic");
  });

  it("returns probabilities in [0, 1] that do not decrease with the raw score", () => {
    for (const c of [calibrationReference.isotonic[0]!, calibrationReference.platt[1]!]) {
      const calibrator = fitCalibrator(c.raw, c.y);
      const grid = Float64Array.from({ length: 201 }, (_, i) => -10 + i / 10);
      const p = calibrator.apply(grid);
      for (let i = 0; i < p.length; i++) {
        expect(p[i]).toBeGreaterThanOrEqual(0);
        expect(p[i]).toBeLessThanOrEqual(1);
        if (i > 0) expect(p[i]!).toBeGreaterThanOrEqual(p[i - 1]!);
      }
    }
  });

  it("throws a RangeError on labels other than 0/1", () => {
    expect(() => fitCalibrator([1, 2, 3], [0, 1, 2], "isotonic")).toThrow(RangeError);
  });
});

describe("calibratorFromJSON", () => {
  it("round-trips both methods through JSON text and applies identically", () => {
    const raw = Float64Array.from({ length: 50 }, (_, i) => -6 + i / 4);
    for (const c of [calibrationReference.isotonic[1]!, calibrationReference.platt[0]!]) {
      const fitted = fitCalibrator(c.raw, c.y, c === calibrationReference.isotonic[1] ? "isotonic" : "platt");
      const json = JSON.parse(JSON.stringify(fitted.toJSON())) as CalibratorJson;
      const back = calibratorFromJSON(json);
      expect(back.method).toBe(fitted.method);
      expect(back.toJSON()).toEqual(fitted.toJSON());
      expect(Array.from(back.apply(raw))).toEqual(Array.from(fitted.apply(raw)));
    }
  });

  it("applies the documented formulas: Platt 1 / (1 + exp(a·raw + b)), isotonic linear between thresholds and clipped", () => {
    const platt = calibratorFromJSON({ method: "platt", a: -2, b: 0.5 });
    // 1 / (1 + e^(−2·1 + 0.5)) = 1 / (1 + e^−1.5) = 0.8175744761936437 (Python: 1/(1+math.exp(-1.5)))
    expect(platt.apply(Float64Array.of(1))[0]).toBeCloseTo(0.8175744761936437, 15);
    const iso = calibratorFromJSON({ method: "isotonic", x: [0, 1, 3], y: [0.1, 0.3, 0.9] });
    expect(Array.from(iso.apply(Float64Array.of(-5, 0, 0.5, 2, 3, 99, Number.NaN)))).toEqual([0.1, 0.1, 0.2, 0.6000000000000001, 0.9, 0.9, Number.NaN]);
    // scipy 1.10.1: interp1d([0, 1, 3], [0.1, 0.3, 0.9])(np.clip([-5, 0, 0.5, 2, 3, 99], 0, 3)) -> the same six values
  });

  it("rejects malformed documents with a RangeError", () => {
    expect(() => calibratorFromJSON({ method: "platt", a: Number.NaN, b: 0 })).toThrow(RangeError);
    expect(() => calibratorFromJSON({ method: "isotonic", x: [], y: [] })).toThrow(RangeError);
    expect(() => calibratorFromJSON({ method: "isotonic", x: [0, 1], y: [0.5] })).toThrow(RangeError);
    expect(() => calibratorFromJSON({ method: "isotonic", x: [1, 0], y: [0.1, 0.2] })).toThrow("x must increase strictly");
    expect(() => calibratorFromJSON({ method: "isotonic", x: [0, 1], y: [0.3, 0.2] })).toThrow(RangeError);
    expect(() => calibratorFromJSON({ method: "isotonic", x: [0, 1], y: [0.3, 1.2] })).toThrow(RangeError);
    expect(() => calibratorFromJSON({ method: "beta" } as unknown as CalibratorJson)).toThrow("unknown method");
  });
});
