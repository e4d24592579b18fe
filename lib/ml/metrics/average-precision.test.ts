import { describe, expect, it } from "vitest";
import { classificationReference, closeTo } from "./__fixtures__/classification-reference.ts";
import { averagePrecision } from "./average-precision.ts";

describe("averagePrecision", () => {
  it("matches scikit-learn average_precision_score on every reference case to 1e-9", () => {
    expect(classificationReference.cases.length).toBe(3);
    for (const c of classificationReference.cases) {
      const actual = averagePrecision(c.y_true, c.y_score);
      expect(closeTo(actual, c.average_precision), `${actual} vs ${c.average_precision}`).toBe(true);
    }
  });

  it("gives 0.8333… on scikit-learn's docstring example", () => {
    // scikit-learn 1.2.1 docstring: average_precision_score([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]) -> 0.83...
    // By hand: recall 0→½ at precision 1, ½→1 at precision 2/3.
    expect(averagePrecision([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])).toBeCloseTo(0.5 + 0.5 * (2 / 3), 15);
  });

  it("is 1 for a perfect ranking and the base rate when every score is tied", () => {
    expect(averagePrecision([0, 1, 0, 1], [0.1, 0.9, 0.2, 0.8])).toBe(1);
    // One tie group: a single step from recall 0 to 1 at precision = positives / rows.
    expect(averagePrecision([0, 1, 0, 0], [0.5, 0.5, 0.5, 0.5])).toBe(0.25);
  });

  it("does not depend on the order of the rows", () => {
    const c = classificationReference.cases[0];
    const order = c.y_true.map((_, i) => (i * 17) % c.y_true.length);
    const shuffled = averagePrecision(order.map((i) => c.y_true[i]), order.map((i) => c.y_score[i]));
    expect(closeTo(shuffled, c.average_precision)).toBe(true);
  });

  it("throws a RangeError on one class or bad input", () => {
    expect(() => averagePrecision([1, 1], [0.2, 0.3])).toThrow("averagePrecision needs both classes in yTrue");
    expect(() => averagePrecision([0, 1], [0.2])).toThrow(RangeError);
    expect(() => averagePrecision([0, 3], [0.2, 0.1])).toThrow(RangeError);
  });
});
