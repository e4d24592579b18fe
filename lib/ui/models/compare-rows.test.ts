import { describe, expect, it } from "vitest";
import { importanceCompareRows, metricCompareRows, paramCompareRows } from "./compare-rows.ts";
import { readReport } from "./report-view.ts";

describe("metricCompareRows", () => {
  it("gives b − a and the better side in each metric's own direction", () => {
    const rows = metricCompareRows(readReport({ roc_auc: 0.8, log_loss: 0.4, f1: 0.5 }), readReport({ roc_auc: 0.85, log_loss: 0.45, pr_auc: 0.3, f1: 0.5 }));
    expect(rows.find((r) => r.key === "roc_auc")).toMatchObject({ label: "ROC-AUC", a: 0.8, b: 0.85, better: "b" });
    expect(rows.find((r) => r.key === "roc_auc")?.delta).toBeCloseTo(0.05, 12);
    expect(rows.find((r) => r.key === "log_loss")).toMatchObject({ better: "a" }); // higher log loss is worse
    expect(rows.find((r) => r.key === "f1")).toMatchObject({ delta: 0, better: "same" });
    expect(rows.find((r) => r.key === "pr_auc")).toMatchObject({ a: null, b: 0.3, delta: null, better: null });
  });
});

describe("paramCompareRows", () => {
  it("lists the union of parameters and marks changes", () => {
    expect(paramCompareRows({ C: 0.1, l1_ratio: 0.5 }, { C: 1, l1_ratio: 0.5, class_weight: "balanced" })).toEqual([
      { key: "C", a: "0.1", b: "1", changed: true },
      { key: "class_weight", a: "—", b: "balanced", changed: true },
      { key: "l1_ratio", a: "0.5", b: "0.5", changed: false },
    ]);
  });
});

describe("importanceCompareRows", () => {
  it("joins importances by feature, largest first", () => {
    const rows = importanceCompareRows([{ feature: "x", meanAbsShap: 0.2, rank: 1 }], [{ feature: "y", meanAbsShap: 0.5, rank: 1 }, { feature: "x", meanAbsShap: 0.1, rank: 2 }]);
    expect(rows).toEqual([{ feature: "y", a: null, b: 0.5, rankA: null, rankB: 1 }, { feature: "x", a: 0.2, b: 0.1, rankA: 1, rankB: 2 }]);
  });
});
