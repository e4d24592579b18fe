import { describe, expect, it } from "vitest";
import { classificationReference, closeTo } from "./__fixtures__/classification-reference.ts";
import { accuracy } from "./accuracy.ts";
import { confusionMatrix } from "./confusion-matrix.ts";
import { thresholdMetrics } from "./threshold-metrics.ts";

describe("confusionMatrix + thresholdMetrics", () => {
  it("reproduces every point of scikit-learn's precision_recall_curve at its threshold (score >= t)", () => {
    expect(classificationReference.cases.length).toBe(3);
    for (const c of classificationReference.cases) {
      c.pr_curve.thresholds.forEach((t, k) => {
        const m = thresholdMetrics(confusionMatrix(c.y_true, c.y_score, t));
        expect(closeTo(m.precision, c.pr_curve.precision[k])).toBe(true);
        expect(closeTo(m.recall, c.pr_curve.recall[k])).toBe(true);
      });
    }
  });

  it("counts the four cells of a hand example", () => {
    // 0.6 (−) and 0.8 (+) are at or above 0.5; 0.4 (+) is a miss; 0.1 (−) is a correct rejection.
    expect(confusionMatrix([0, 0, 1, 1], [0.1, 0.6, 0.4, 0.8], 0.5)).toEqual({ tp: 1, fp: 1, tn: 1, fn: 1 });
    // A score exactly at the threshold is positive.
    expect(confusionMatrix([1], [0.5], 0.5)).toEqual({ tp: 1, fp: 0, tn: 0, fn: 0 });
  });

  it("computes accuracy, precision, recall and F1 from counts", () => {
    // By hand: accuracy 7/10, precision 3/4, recall 3/5, F1 = 2·3 / (2·3 + 1 + 2) = 2/3.
    const m = thresholdMetrics({ tp: 3, fp: 1, tn: 4, fn: 2 });
    expect(m.accuracy).toBeCloseTo(0.7, 15);
    expect(m.precision).toBeCloseTo(0.75, 15);
    expect(m.recall).toBeCloseTo(0.6, 15);
    expect(m.f1).toBeCloseTo(2 / 3, 15);
    // F1 is the harmonic mean of precision and recall.
    expect(m.f1).toBeCloseTo((2 * m.precision * m.recall) / (m.precision + m.recall), 15);
  });

  it("returns 0 for an undefined ratio (scikit-learn zero_division=0)", () => {
    expect(thresholdMetrics({ tp: 0, fp: 0, tn: 3, fn: 2 })).toEqual({ accuracy: 0.6, precision: 0, recall: 0, f1: 0 });
    expect(() => thresholdMetrics({ tp: 0, fp: 0, tn: 0, fn: 0 })).toThrow(RangeError);
  });

  it("accuracy agrees with the confusion matrix", () => {
    expect(accuracy([0, 0, 1, 1], [0.1, 0.6, 0.4, 0.8])).toBe(0.5);
    expect(accuracy([0, 0, 1, 1], [0.1, 0.6, 0.4, 0.8], 0.3)).toBe(0.75);
    expect(() => confusionMatrix([0, 1], [0.1, 0.2], Number.NaN)).toThrow(RangeError);
  });
});
