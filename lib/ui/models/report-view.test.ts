import { describe, expect, it } from "vitest";
import { evaluateBinary } from "../../ml/metrics/evaluate-binary.ts";
import { formatDelta, formatMetric } from "./metric-format.ts";
import { readReport } from "./report-view.ts";

describe("readReport", () => {
  it("reads evaluateBinary's report after a JSON round trip", () => {
    const report = JSON.parse(JSON.stringify(evaluateBinary([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])));
    const view = readReport(report);
    // Reference: scikit-learn roc_auc_score([0,0,1,1],[0.1,0.4,0.35,0.8]) = 0.75
    expect(view.numbers[0]).toEqual({ key: "roc_auc", label: "ROC-AUC", value: 0.75 });
    expect(view.numbers.map((n) => n.key)).not.toContain("threshold");
    expect(view).toMatchObject({ threshold: 0.5, positives: 2, rows: 4, confusion: { tp: 1, fp: 0, tn: 2, fn: 1 } });
    expect(view.roc?.fpr.length).toBeGreaterThan(1);
    expect(view.pr?.thresholds.at(-1)).toBeNull();
    expect(view.calibration).toHaveLength(10);
    expect(view.gains?.fraction.length).toBe(view.gains?.gain.length);
  });

  it("keeps what it can read from a partial or malformed report", () => {
    const view = readReport({ roc_auc: 0.9, custom_metric: 2, roc: { fpr: [0], tpr: "x" }, gains: { fraction: [0, 1], gain: [0] } });
    expect(view.numbers).toEqual([{ key: "roc_auc", label: "ROC-AUC", value: 0.9 }, { key: "custom_metric", label: "custom_metric", value: 2 }]);
    expect(view).toMatchObject({ roc: null, pr: null, gains: null, confusion: null, threshold: null });
  });
});

describe("formatDelta", () => {
  it("signs differences and keeps missing values visible", () => {
    expect(formatDelta(0.01234)).toBe("+0.0123");
    expect(formatDelta(-0.004)).toBe("−0.0040");
    expect(formatDelta(0.00001)).toBe("±0.0000");
    expect(formatDelta(null)).toBe("—");
    expect(formatMetric(Number.NaN)).toBe("—");
  });
});
