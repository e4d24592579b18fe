import { describe, expect, it } from "vitest";
import { mulberry32 } from "../random.ts";
import { classificationReference, closeTo } from "./__fixtures__/classification-reference.ts";
import { evaluateBinary } from "./evaluate-binary.ts";

describe("evaluateBinary", () => {
  it("reports scikit-learn's roc_auc, pr_auc, log_loss and brier to 1e-9 on every reference case", () => {
    expect(classificationReference.cases.length).toBe(3);
    for (const c of classificationReference.cases) {
      const report = evaluateBinary(c.y_true, c.y_score);
      expect(closeTo(report.roc_auc, c.roc_auc)).toBe(true);
      expect(closeTo(report.pr_auc, c.average_precision)).toBe(true);
      expect(closeTo(report.log_loss, c.log_loss)).toBe(true);
      expect(closeTo(report.brier, c.brier)).toBe(true);
      expect(report.rows).toBe(c.y_true.length);
      expect(report.positives).toBe(c.y_true.reduce((s, y) => s + y, 0));
      const { tp, fp, tn, fn } = report.confusion;
      expect(tp + fp + tn + fn).toBe(report.rows);
      expect(tp + fn).toBe(report.positives);
      expect(report.calibration).toHaveLength(10);
    }
  });

  it("survives a JSON round trip unchanged (no NaN, no typed arrays)", () => {
    const c = classificationReference.cases[1];
    const report = evaluateBinary(c.y_true, c.y_score, { threshold: 0.4 });
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
    expect(report.threshold).toBe(0.4);
  });

  it("thins large curves to ≤ 200 points that keep the endpoints and the area", () => {
    const random = mulberry32(7);
    const n = 20_000;
    const labels = new Uint8Array(n);
    const probability = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      labels[i] = random() < 0.3 ? 1 : 0;
      // Informative but noisy scores, all distinct.
      probability[i] = Math.min(1, Math.max(0, 0.35 * labels[i] + 0.65 * random()));
    }
    const report = evaluateBinary(labels, probability);
    for (const points of [report.roc.fpr, report.pr.recall, report.gains.fraction]) {
      expect(points.length).toBeLessThanOrEqual(200);
      expect(points.length).toBeGreaterThan(50);
    }
    expect([report.roc.fpr[0], report.roc.tpr[0]]).toEqual([0, 0]);
    expect([report.roc.fpr.at(-1), report.roc.tpr.at(-1)]).toEqual([1, 1]);
    expect([report.pr.recall.at(-1), report.pr.precision.at(-1), report.pr.thresholds.at(-1)]).toEqual([0, 1, null]);
    let area = 0;
    for (let k = 1; k < report.roc.fpr.length; k++) {
      area += ((report.roc.fpr[k] - report.roc.fpr[k - 1]) * (report.roc.tpr[k] + report.roc.tpr[k - 1])) / 2;
    }
    expect(Math.abs(area - report.roc_auc)).toBeLessThan(2e-3);
    expect(report.lift_at_10).toBeCloseTo(report.gains.at_10 / 0.1, 12);
    expect(report.lift_at_10).toBeGreaterThan(1);
  });

  it("throws a RangeError on a single-class test set", () => {
    expect(() => evaluateBinary([0, 0, 0], [0.1, 0.2, 0.3])).toThrow("evaluateBinary needs both classes in yTrue");
  });
});
