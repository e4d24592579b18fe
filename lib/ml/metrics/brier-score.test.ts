import { describe, expect, it } from "vitest";
import { classificationReference, closeTo } from "./__fixtures__/classification-reference.ts";
import { brierScore } from "./brier-score.ts";

describe("brierScore", () => {
  it("matches scikit-learn brier_score_loss on every reference case to 1e-9", () => {
    expect(classificationReference.cases.length).toBe(3);
    for (const c of classificationReference.cases) {
      const actual = brierScore(c.y_true, c.y_score);
      expect(closeTo(actual, c.brier), `${actual} vs ${c.brier}`).toBe(true);
    }
  });

  it("gives 0.0375 on scikit-learn's docstring example", () => {
    // scikit-learn 1.2.1 docstring: brier_score_loss([0, 1, 1, 0], [0.1, 0.9, 0.8, 0.3]) -> 0.037...
    // By hand: (0.01 + 0.01 + 0.04 + 0.09) / 4 = 0.0375.
    expect(brierScore([0, 1, 1, 0], [0.1, 0.9, 0.8, 0.3])).toBeCloseTo(0.0375, 15);
  });

  it("scores the constant base-rate forecast π(1 − π)", () => {
    expect(brierScore([1, 0, 0, 0], [0.25, 0.25, 0.25, 0.25])).toBeCloseTo(0.25 * 0.75, 15);
  });

  it("throws a RangeError on a probability outside [0, 1]", () => {
    expect(() => brierScore([0, 1], [0.2, 1.5])).toThrow("outside [0, 1]");
  });
});
