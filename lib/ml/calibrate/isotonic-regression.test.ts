import { describe, expect, it } from "vitest";
import { calibrationReference, closeTo } from "./__fixtures__/calibration-reference.ts";
import { fitIsotonic, isotonicPredict } from "./isotonic-regression.ts";
import { poolAdjacentViolators } from "./pool-adjacent-violators.ts";

describe("fitIsotonic", () => {
  it("returns scikit-learn's X_thresholds_ and y_thresholds_ (same length, values to 1e-9) on every reference case", () => {
    expect(calibrationReference.isotonic.length).toBe(3);
    for (const c of calibrationReference.isotonic) {
      const fit = fitIsotonic(c.raw, c.y);
      expect(fit.x.length, c.name).toBe(c.x_thresholds.length);
      fit.x.forEach((v, j) => expect(v, `${c.name} x[${j}]`).toBe(c.x_thresholds[j]));
      fit.y.forEach((v, j) => expect(closeTo(v, c.y_thresholds[j]!), `${c.name} y[${j}] ${v} vs ${c.y_thresholds[j]}`).toBe(true));
    }
  });

  it("predicts like IsotonicRegression(out_of_bounds='clip').predict, beyond both ends included, to 1e-9", () => {
    for (const c of calibrationReference.isotonic) {
      const fit = fitIsotonic(c.raw, c.y);
      c.predict_raw.forEach((t, i) => {
        const got = isotonicPredict(fit, t);
        expect(closeTo(got, c.predict[i]!), `${c.name} at ${t}: ${got} vs ${c.predict[i]}`).toBe(true);
      });
    }
  });

  it("pools tied x values first (scikit-learn issue 9432, checked there against R's isotone::gpava)", () => {
    // Means by x: 0 → 0, 1 → 0.5 (weight 2), 2 → 0, 3 → 0, 4 → 1; pooling 1..3 gives (0.5·2 + 0 + 0) / 4 = 0.25.
    const fit = fitIsotonic([0, 1, 1, 2, 3, 4], [0, 0, 1, 0, 0, 1]);
    expect(Array.from(fit.x)).toEqual([0, 1, 3, 4]);
    expect(Array.from(fit.y)).toEqual([0, 0.25, 0.25, 1]);
    expect([0, 1, 2, 3, 4].map((t) => isotonicPredict(fit, t))).toEqual([0, 0.25, 0.25, 0.25, 1]);
  });

  it("does not depend on the order of the rows, and is non-decreasing", () => {
    const c = calibrationReference.isotonic[1]!;
    const order = c.raw.map((_, i) => (i * 7) % c.raw.length);
    const shuffled = fitIsotonic(order.map((i) => c.raw[i]!), order.map((i) => c.y[i]!));
    const fit = fitIsotonic(c.raw, c.y);
    expect(Array.from(shuffled.x)).toEqual(Array.from(fit.x));
    shuffled.y.forEach((v, j) => expect(closeTo(v, fit.y[j]!)).toBe(true));
    for (let j = 1; j < fit.y.length; j++) expect(fit.y[j]!).toBeGreaterThanOrEqual(fit.y[j - 1]!);
  });

  it("is a constant for one distinct x, and passes NaN through at predict time", () => {
    const fit = fitIsotonic([2, 2, 2], [0, 1, 1]);
    expect(Array.from(fit.x)).toEqual([2]);
    expect(isotonicPredict(fit, -100)).toBeCloseTo(2 / 3, 15);
    expect(isotonicPredict(fit, Number.NaN)).toBeNaN();
  });

  it("throws a RangeError on mismatched lengths, no points or non-finite values", () => {
    expect(() => fitIsotonic([1, 2], [0])).toThrow(RangeError);
    expect(() => fitIsotonic([], [])).toThrow("fitIsotonic needs at least one point");
    expect(() => fitIsotonic([1, Number.POSITIVE_INFINITY], [0, 1])).toThrow(RangeError);
  });
});

describe("poolAdjacentViolators", () => {
  it("averages a violating pair and leaves the rest", () => {
    const y = Float64Array.of(1, 3, 2, 4);
    poolAdjacentViolators(y, Float64Array.of(1, 1, 1, 1));
    expect(Array.from(y)).toEqual([1, 2.5, 2.5, 4]);
  });

  it("steps back when a pooled mean falls below the block before it, and honours weights", () => {
    // 3, then 5 ≥ 1 pools to (5 + 3·1)/4 = 2 < 3, so 3 joins too: (3 + 5 + 3) / 5 = 2.2.
    const y = Float64Array.of(3, 5, 1);
    poolAdjacentViolators(y, Float64Array.of(1, 1, 3));
    expect(Array.from(y)).toEqual([2.2, 2.2, 2.2]);
  });
});
