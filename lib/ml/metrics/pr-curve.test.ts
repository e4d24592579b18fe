import { describe, expect, it } from "vitest";
import { classificationReference, closeTo } from "./__fixtures__/classification-reference.ts";
import { prCurve } from "./pr-curve.ts";

describe("prCurve", () => {
  it("matches scikit-learn precision_recall_curve point for point on every reference case", () => {
    expect(classificationReference.cases.length).toBe(3);
    for (const c of classificationReference.cases) {
      const curve = prCurve(c.y_true, c.y_score);
      expect(curve.precision.length).toBe(c.pr_curve.precision.length);
      expect(curve.thresholds.length).toBe(c.pr_curve.thresholds.length);
      for (let k = 0; k < curve.precision.length; k++) {
        expect(closeTo(curve.precision[k], c.pr_curve.precision[k])).toBe(true);
        expect(closeTo(curve.recall[k], c.pr_curve.recall[k])).toBe(true);
      }
      for (let k = 0; k < curve.thresholds.length; k++) {
        expect(closeTo(curve.thresholds[k], c.pr_curve.thresholds[k])).toBe(true);
      }
    }
  });

  it("gives the hand-computed curve of the four-point example", () => {
    // Ascending thresholds 0.1, 0.35, 0.4, 0.8: TP 2,2,1,1 of predicted 4,3,2,1.
    const curve = prCurve([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]);
    expect(Array.from(curve.precision)).toEqual([0.5, 2 / 3, 0.5, 1, 1]);
    expect(Array.from(curve.recall)).toEqual([1, 1, 0.5, 0.5, 0]);
    expect(Array.from(curve.thresholds)).toEqual([0.1, 0.35, 0.4, 0.8]);
  });

  it("keeps only the ends of each equal-recall run with dropIntermediate (scikit-learn ≥ 1.3)", () => {
    // Descending scores: +, −, −, −, +: TP 1,1,1,1,2. The middle two points share recall ½ with both neighbours.
    const curve = prCurve([1, 0, 0, 0, 1], [0.9, 0.8, 0.7, 0.6, 0.5], { dropIntermediate: true });
    expect(Array.from(curve.thresholds)).toEqual([0.5, 0.6, 0.9]);
    expect(Array.from(curve.recall)).toEqual([1, 0.5, 0.5, 0]);
    expect(Array.from(curve.precision)).toEqual([0.4, 0.25, 1, 1]);
    const full = prCurve([1, 0, 0, 0, 1], [0.9, 0.8, 0.7, 0.6, 0.5]);
    expect(full.thresholds.length).toBe(5);
  });

  it("has decreasing recall ending at (recall 0, precision 1)", () => {
    const c = classificationReference.cases[0];
    const { precision, recall } = prCurve(c.y_true, c.y_score);
    for (let k = 1; k < recall.length; k++) expect(recall[k]).toBeLessThanOrEqual(recall[k - 1]);
    expect([recall[recall.length - 1], precision[precision.length - 1]]).toEqual([0, 1]);
  });
});
