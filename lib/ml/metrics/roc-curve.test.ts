import { describe, expect, it } from "vitest";
import { classificationReference, closeTo } from "./__fixtures__/classification-reference.ts";
import { rocAuc } from "./roc-auc.ts";
import { rocCurve } from "./roc-curve.ts";

const trapezoid = (x: ArrayLike<number>, y: ArrayLike<number>) => {
  let area = 0;
  for (let k = 1; k < x.length; k++) area += ((x[k] - x[k - 1]) * (y[k] + y[k - 1])) / 2;
  return area;
};

describe("rocCurve", () => {
  it("matches scikit-learn roc_curve(drop_intermediate=False) point for point on every reference case", () => {
    expect(classificationReference.cases.length).toBe(3);
    for (const c of classificationReference.cases) {
      const curve = rocCurve(c.y_true, c.y_score, { dropIntermediate: false });
      expect(curve.fpr.length).toBe(c.roc_curve.fpr.length);
      for (let k = 0; k < curve.fpr.length; k++) {
        expect(closeTo(curve.fpr[k], c.roc_curve.fpr[k])).toBe(true);
        expect(closeTo(curve.tpr[k], c.roc_curve.tpr[k])).toBe(true);
        // thresholds[0] is max + 1 (scikit-learn 1.2.1), the rest are the distinct scores.
        expect(closeTo(curve.thresholds[k], c.roc_curve.thresholds[k])).toBe(true);
      }
    }
  });

  it("gives the hand-computed curve of the four-point example", () => {
    // Descending: 0.8 (+), 0.4 (−), 0.35 (+), 0.1 (−).
    const curve = rocCurve([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8], { dropIntermediate: false });
    expect(Array.from(curve.fpr)).toEqual([0, 0, 0.5, 0.5, 1]);
    expect(Array.from(curve.tpr)).toEqual([0, 0.5, 0.5, 1, 1]);
    expect(Array.from(curve.thresholds)).toEqual([1.8, 0.8, 0.4, 0.35, 0.1]);
  });

  it("drops collinear points with dropIntermediate (the default) and keeps the corners", () => {
    // tps 1,2,3,3 and fps 0,0,0,1: the point at 0.8 lies on the vertical segment (0,1/3)→(0,1).
    const curve = rocCurve([1, 1, 1, 0], [0.9, 0.8, 0.7, 0.1]);
    expect(Array.from(curve.fpr)).toEqual([0, 0, 0, 1]);
    expect(Array.from(curve.tpr)).toEqual([0, 1 / 3, 1, 1]);
    expect(Array.from(curve.thresholds)).toEqual([1.9, 0.9, 0.7, 0.1]);
  });

  it("integrates to roc_auc with or without the dropped points", () => {
    for (const c of classificationReference.cases) {
      for (const dropIntermediate of [false, true]) {
        const curve = rocCurve(c.y_true, c.y_score, { dropIntermediate });
        expect(closeTo(trapezoid(curve.fpr, curve.tpr), c.roc_auc)).toBe(true);
      }
      expect(rocCurve(c.y_true, c.y_score).fpr.length).toBeLessThanOrEqual(c.roc_curve.fpr.length);
    }
    expect(rocAuc([0, 1], [0.2, 0.7])).toBe(1);
  });

  it("starts at (0, 0), ends at (1, 1) and never decreases", () => {
    const c = classificationReference.cases[0];
    const { fpr, tpr } = rocCurve(c.y_true, c.y_score);
    expect([fpr[0], tpr[0], fpr[fpr.length - 1], tpr[tpr.length - 1]]).toEqual([0, 0, 1, 1]);
    for (let k = 1; k < fpr.length; k++) {
      expect(fpr[k]).toBeGreaterThanOrEqual(fpr[k - 1]);
      expect(tpr[k]).toBeGreaterThanOrEqual(tpr[k - 1]);
    }
  });

  it("throws a RangeError when only one class is present", () => {
    expect(() => rocCurve([0, 0], [0.1, 0.2])).toThrow("rocCurve needs both classes in yTrue");
  });
});
