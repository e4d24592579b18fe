import { describe, expect, it } from "vitest";
import { datasetDrift } from "./dataset-drift.ts";
import type { ColumnDriftResult } from "./types.ts";

function column(name: string, drifted: boolean, psi: number | null): ColumnDriftResult {
  const psiStatus = psi === null ? null : psi >= 0.25 ? "fail" : psi >= 0.1 ? "warn" : "pass";
  return {
    column: name,
    kind: psi === null ? "categorical" : "numeric",
    test: "jensen_shannon",
    statistic: drifted ? 0.2 : 0.01,
    pValue: null,
    threshold: 0.1,
    drifted,
    psi,
    psiStatus,
    referenceRows: 10,
    currentRows: 10,
    missingReference: 0,
    missingCurrent: 0,
    newCategories: [],
    histogram: { kind: "categorical", categories: [], reference: [], current: [] },
  };
}

describe("datasetDrift", () => {
  it("drifts when at least half of the columns drift (≥, Evidently)", () => {
    const half = datasetDrift([column("a", true, 0.01), column("b", false, 0.01)]);
    expect(half).toMatchObject({ driftedColumns: 1, share: 0.5, datasetDrift: true, status: "fail" });
    const third = datasetDrift([column("a", true, null), column("b", false, null), column("c", false, null)]);
    expect(third).toMatchObject({ driftedColumns: 1, datasetDrift: false, status: "warn", maxPsi: null });
    expect(third.share).toBeCloseTo(1 / 3, 15);
  });

  it("honours a custom share threshold", () => {
    const columns = [column("a", true, null), column("b", false, null), column("c", false, null)];
    expect(datasetDrift(columns, { shareThreshold: 0.3 }).datasetDrift).toBe(true);
    expect(datasetDrift(columns, { shareThreshold: 0.4 }).datasetDrift).toBe(false);
  });

  it("fails on any PSI at or above psiFail even when no column drifted", () => {
    const result = datasetDrift([column("a", false, 0.3), column("b", false, 0.01), column("c", false, null)]);
    expect(result).toMatchObject({ datasetDrift: false, maxPsi: 0.3, status: "fail" });
  });

  it("warns on a PSI at or above psiWarn, passes below", () => {
    expect(datasetDrift([column("a", false, 0.1), column("b", false, 0.02)]).status).toBe("warn");
    expect(datasetDrift([column("a", false, 0.09), column("b", false, 0.02)])).toMatchObject({ status: "pass", maxPsi: 0.09 });
  });

  it("passes an empty column list", () => {
    expect(datasetDrift([])).toMatchObject({ driftedColumns: 0, share: 0, datasetDrift: false, maxPsi: null, status: "pass" });
  });

  it("rejects a share threshold outside (0, 1]", () => {
    expect(() => datasetDrift([], { shareThreshold: 0 })).toThrow(RangeError);
    expect(() => datasetDrift([], { shareThreshold: 1.5 })).toThrow(RangeError);
  });
});
