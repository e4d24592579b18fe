import { describe, expect, it } from "vitest";
import { sigmoid } from "../ml/linear/sigmoid.ts";
import { calibratedProbability } from "./calibrated-probability.ts";

describe("calibratedProbability", () => {
  const raw = Float64Array.of(-3, -0.5, 0, 0.5, 3);

  it("is the classifier's own probability, sigmoid(raw), when the version has no calibrator", () => {
    expect(Array.from(calibratedProbability({}, raw))).toEqual(Array.from(raw, sigmoid));
  });

  it("applies a Platt calibrator: a = −1, b = 0 is the identity on probabilities", () => {
    expect(Array.from(calibratedProbability({ calibration: { method: "platt", a: -1, b: 0 } }, raw))).toEqual(Array.from(raw, sigmoid));
    // a = −2, b = 1 at raw 0.5: 1 / (1 + e^(−1 + 1)) = 0.5.
    expect(calibratedProbability({ calibration: { method: "platt", a: -2, b: 1 } }, raw)[3]).toBe(0.5);
  });

  it("applies an isotonic calibrator (clipped outside its thresholds)", () => {
    const p = calibratedProbability({ calibration: { method: "isotonic", x: [-1, 1], y: [0.2, 0.6] } }, raw);
    [0.2, 0.3, 0.4, 0.5, 0.6].forEach((expected, i) => expect(p[i]).toBeCloseTo(expected, 15));
  });
});
