import { describe, expect, it } from "vitest";
import { evaluateBinary } from "../../ml/metrics/evaluate-binary.ts";
import { confusionAtThreshold } from "./confusion-at-threshold.ts";

// Reference (counted by hand): y = [0,0,1,1,0,1,0,1], p = [0.1,0.4,0.35,0.8,0.2,0.7,0.6,0.9]
//   p >= 0.4  -> tp 3 fp 2 tn 2 fn 1: precision 0.6, recall 0.75, f1 2·0.45/1.35 = 2/3
//   p >= 0.7  -> tp 3 fp 0 tn 4 fn 1: precision 1, recall 0.75, f1 1.5/1.75 = 6/7
//   p >= 0.35 -> tp 4 fp 2 tn 2 fn 0: precision 4/6, recall 1, f1 0.8
// The ROC curve with drop_intermediate (sklearn roc_curve) keeps thresholds 1.9, 0.9, 0.7, 0.4, 0.35, 0.1: 0.8,
// 0.6 and 0.2 lie on straight segments and are dropped.
const y = [0, 0, 1, 1, 0, 1, 0, 1];
const p = [0.1, 0.4, 0.35, 0.8, 0.2, 0.7, 0.6, 0.9];

describe("confusionAtThreshold", () => {
  const report = evaluateBinary(y, p);

  it("reads the confusion matrix and precision/recall/F1 at a curve threshold", () => {
    expect(report.roc.thresholds).toEqual([1.9, 0.9, 0.7, 0.4, 0.35, 0.1]);
    const at = confusionAtThreshold(report.roc, report.positives, report.rows, 0.4)!;
    expect(at).toMatchObject({ threshold: 0.4, tp: 3, fp: 2, tn: 2, fn: 1 });
    expect(at.precision).toBeCloseTo(0.6, 12);
    expect(at.recall).toBeCloseTo(0.75, 12);
    expect(at.f1).toBeCloseTo(2 / 3, 12);
  });

  it("snaps to the nearest curve threshold", () => {
    const high = confusionAtThreshold(report.roc, report.positives, report.rows, 0.62)!; // 0.7 is nearer than 0.4
    expect(high).toMatchObject({ threshold: 0.7, tp: 3, fp: 0, tn: 4, fn: 1, precision: 1 });
    expect(high.f1).toBeCloseTo(6 / 7, 12);
    const at = confusionAtThreshold(report.roc, report.positives, report.rows, 0.36)!; // 0.35 is nearer than 0.4
    expect(at).toMatchObject({ threshold: 0.35, tp: 4, fp: 2, tn: 2, fn: 0 });
    expect(at.precision).toBeCloseTo(4 / 6, 12);
    expect(at.recall).toBe(1);
    expect(at.f1).toBeCloseTo(0.8, 12);
  });

  it("has no precision when nothing is predicted positive (the curve's first point)", () => {
    const at = confusionAtThreshold(report.roc, report.positives, report.rows, 5)!;
    expect(at).toMatchObject({ tp: 0, fp: 0, tn: 4, fn: 4, precision: null, recall: 0, f1: null });
  });

  it("returns null without a curve", () => {
    expect(confusionAtThreshold({ fpr: [], tpr: [], thresholds: [] }, 4, 8, 0.5)).toBeNull();
  });
});
