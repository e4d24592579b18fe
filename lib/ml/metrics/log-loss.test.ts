import { describe, expect, it } from "vitest";
import { classificationReference, closeTo } from "./__fixtures__/classification-reference.ts";
import { logLoss } from "./log-loss.ts";

describe("logLoss", () => {
  it("matches scikit-learn log_loss on every reference case to 1e-9", () => {
    expect(classificationReference.cases.length).toBe(3);
    for (const c of classificationReference.cases) {
      const actual = logLoss(c.y_true, c.y_score);
      expect(closeTo(actual, c.log_loss), `${actual} vs ${c.log_loss}`).toBe(true);
    }
  });

  it("gives 0.21616… on scikit-learn's docstring example", () => {
    // scikit-learn 1.2.1 docstring: log_loss(["spam","ham","ham","spam"], [[.1,.9],[.9,.1],[.8,.2],[.35,.65]])
    // -> 0.21616...; Python: -(log(.9)+log(.9)+log(.8)+log(.65))/4 = 0.21616187468057912
    expect(logLoss([1, 0, 0, 1], [0.9, 0.1, 0.2, 0.65])).toBeCloseTo(0.21616187468057912, 14);
  });

  it("clips a certain mistake to −ln(eps) instead of returning infinity", () => {
    // Python: -math.log(2.220446049250313e-16) = 36.04365338911715
    expect(logLoss([1], [0])).toBeCloseTo(36.04365338911715, 10);
    expect(logLoss([0], [1])).toBeCloseTo(36.04365338911715, 1);
    expect(logLoss([1, 0], [1, 0])).toBeLessThan(1e-15);
  });

  it("honours a custom eps", () => {
    expect(logLoss([1], [0], { eps: 1e-3 })).toBeCloseTo(-Math.log(1e-3), 12);
  });

  it("throws a RangeError on NaN probabilities or bad labels", () => {
    expect(() => logLoss([0, 1], [0.2, Number.NaN])).toThrow(RangeError);
    expect(() => logLoss([0, 2], [0.2, 0.3])).toThrow(RangeError);
  });
});
