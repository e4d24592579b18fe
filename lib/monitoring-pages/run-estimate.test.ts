import { describe, expect, it } from "vitest";
import { parseRunEstimate } from "./run-estimate.ts";

// The shape lib/scoring/estimate-run.ts stores (JSON.stringify of a RunEstimate).
const STORED = {
  rows: 2000,
  expectedPositives: 312.4,
  threshold: 0.5,
  confusion: { tp: { estimate: 1, lower: 0, upper: 2 }, fp: { estimate: 1, lower: 0, upper: 2 }, fn: { estimate: 1, lower: 0, upper: 2 }, tn: { estimate: 1, lower: 0, upper: 2 } },
  rocAuc: { estimate: 0.81, lower: 0.78, upper: 0.84 },
  precisionAtK: { k: 50, estimate: 0.62, lower: 0.48, upper: 0.76 },
  band: { level: 0.95, samples: 500, seed: 42 },
  calibration: "platt",
};

describe("parseRunEstimate", () => {
  it("keeps the numbers the pages draw", () => {
    expect(parseRunEstimate(STORED)).toEqual({
      rows: 2000, expectedPositives: 312.4, rocAuc: { estimate: 0.81, lower: 0.78, upper: 0.84 }, precisionAtK: { k: 50, estimate: 0.62, lower: 0.48, upper: 0.76 }, level: 0.95, calibration: "platt",
    });
  });

  it("reads a band edge stored as null (NaN in memory) as null, and a missing ROC-AUC as none", () => {
    const e = parseRunEstimate({ ...STORED, rocAuc: null, precisionAtK: { k: 5, estimate: 0.2, lower: null, upper: null } });
    expect(e?.rocAuc).toBeNull();
    expect(e?.precisionAtK).toEqual({ k: 5, estimate: 0.2, lower: null, upper: null });
  });

  it("gives null for no estimate or something else in the column", () => {
    expect(parseRunEstimate(null)).toBeNull();
    expect(parseRunEstimate({ hello: "world" })).toBeNull();
    expect(parseRunEstimate("0.8")).toBeNull();
  });

  it("drops a malformed part and keeps the rest", () => {
    const e = parseRunEstimate({ ...STORED, rocAuc: { estimate: "high" }, calibration: 3, band: undefined });
    expect(e).toMatchObject({ rocAuc: null, calibration: null, level: null, precisionAtK: { estimate: 0.62 } });
  });
});
