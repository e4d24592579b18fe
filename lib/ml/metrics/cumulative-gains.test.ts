import { describe, expect, it } from "vitest";
import { classificationReference } from "./__fixtures__/classification-reference.ts";
import { cumulativeGains, gainAt, liftAt } from "./cumulative-gains.ts";

describe("cumulativeGains", () => {
  it("captures the hand-counted share of positives in the top rows", () => {
    // Ranked by score: +, −, +, −, −, −, −, −, −, + (3 positives in 10 rows).
    const labels = [1, 0, 1, 0, 0, 0, 0, 0, 0, 1];
    const scores = [1, 0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1];
    const curve = cumulativeGains(labels, scores);
    expect(curve.fraction.length).toBe(11);
    expect(gainAt(curve, 0.1)).toBeCloseTo(1 / 3, 15); // top 1 row holds 1 of 3 positives
    expect(gainAt(curve, 0.3)).toBeCloseTo(2 / 3, 15);
    expect(liftAt(curve, 0.1)).toBeCloseTo(10 / 3, 14); // positive rate 1 vs base rate 0.3
    expect(gainAt(curve, 1)).toBe(1);
    expect(gainAt(curve, 0)).toBe(0);
  });

  it("spreads a tie group evenly: all-tied scores follow the diagonal (lift 1)", () => {
    const curve = cumulativeGains([1, 0, 0, 1, 0, 0, 0, 0, 0, 0], new Array(10).fill(0.3));
    expect(Array.from(curve.fraction)).toEqual([0, 1]);
    expect(gainAt(curve, 0.1)).toBeCloseTo(0.1, 15);
    expect(liftAt(curve, 0.1)).toBeCloseTo(1, 14);
  });

  it("never decreases, starts at (0, 0) and ends at (1, 1)", () => {
    for (const c of classificationReference.cases) {
      const { fraction, gain } = cumulativeGains(c.y_true, c.y_score);
      expect([fraction[0], gain[0], fraction[fraction.length - 1], gain[gain.length - 1]]).toEqual([0, 0, 1, 1]);
      for (let k = 1; k < gain.length; k++) expect(gain[k]).toBeGreaterThanOrEqual(gain[k - 1]);
    }
  });

  it("rejects shares outside the unit interval", () => {
    const curve = cumulativeGains([0, 1], [0.1, 0.9]);
    expect(() => gainAt(curve, 1.5)).toThrow(RangeError);
    expect(() => liftAt(curve, 0)).toThrow(RangeError);
  });
});
