import { describe, expect, it } from "vitest";
import { classificationReference } from "./__fixtures__/classification-reference.ts";
import { calibrationBins } from "./calibration-bins.ts";

describe("calibrationBins", () => {
  it("assigns edge values like scikit-learn calibration_curve(strategy='uniform')", () => {
    // numpy: np.searchsorted(np.linspace(0, 1, 11)[1:-1], [0, 0.1, 0.3, 0.7, 1]) -> [0, 0, 2, 6, 9]
    // (linspace's 3rd and 7th edges are 0.30000000000000004 and 0.7000000000000001, so 0.3 and 0.7 fall below them).
    const bins = calibrationBins([0, 0, 1, 1, 1], [0, 0.1, 0.3, 0.7, 1]);
    expect(bins.map((b) => b.count)).toEqual([2, 0, 1, 0, 0, 0, 1, 0, 0, 1]);
  });

  it("reports mean prediction and observed rate per bin, null when empty", () => {
    const bins = calibrationBins([0, 1, 1, 0, 1], [0.05, 0.08, 0.95, 0.55, 0.51]);
    expect(bins).toHaveLength(10);
    expect(bins[0]).toEqual({ lower: 0, upper: 0.1, count: 2, mean_predicted: (0.05 + 0.08) / 2, observed_rate: 0.5 });
    expect(bins[5].count).toBe(2);
    expect(bins[5].mean_predicted).toBeCloseTo(0.53, 15);
    expect(bins[5].observed_rate).toBe(0.5);
    expect(bins[9]).toMatchObject({ count: 1, observed_rate: 1 });
    expect(bins[3]).toMatchObject({ count: 0, mean_predicted: null, observed_rate: null });
    expect(bins[9].upper).toBe(1);
  });

  it("counts every row once and the observed rates average back to the base rate", () => {
    for (const c of classificationReference.cases) {
      const bins = calibrationBins(c.y_true, c.y_score);
      const rows = bins.reduce((s, b) => s + b.count, 0);
      const positives = bins.reduce((s, b) => s + (b.observed_rate ?? 0) * b.count, 0);
      expect(rows).toBe(c.y_true.length);
      expect(positives).toBeCloseTo(c.y_true.reduce((s, y) => s + y, 0), 9);
    }
  });

  it("throws a RangeError on a probability outside [0, 1] or a bad bin count", () => {
    expect(() => calibrationBins([0, 1], [0.1, 1.2])).toThrow(RangeError);
    expect(() => calibrationBins([0, 1], [0.1, 0.2], 0)).toThrow(RangeError);
  });
});
