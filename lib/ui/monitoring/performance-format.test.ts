import { describe, expect, it } from "vitest";
import type { PerformanceRunView } from "../../monitoring-pages/performance-runs.ts";
import { calibrationName, formatEstimate, formatMetric, labelTiming, metricDomain, performanceDescription, performancePoints, segmentGapText } from "./performance-format.ts";

const run = (createdAt: string, over: Partial<PerformanceRunView> = {}): PerformanceRunView => ({
  runId: createdAt, model: "elearning-churn", version: 2, createdAt, asOf: null, estimate: null, realised: null, ...over,
});

describe("formatMetric / formatEstimate", () => {
  it("writes three decimals, the band after the estimate, and a dash for nothing", () => {
    expect(formatMetric(0.81234)).toBe("0.812");
    expect(formatMetric(null)).toBe("—");
    expect(formatMetric(Number.NaN)).toBe("—");
    expect(formatEstimate({ estimate: 0.8, lower: 0.75, upper: 0.851 })).toBe("0.800 (0.750–0.851)");
    expect(formatEstimate({ estimate: 0.2, lower: null, upper: null })).toBe("0.200");
    expect(formatEstimate(null)).toBe("—");
  });
});

describe("calibrationName / labelTiming / segmentGapText", () => {
  it("names the calibration methods the models save", () => {
    expect(calibrationName("platt")).toBe("Platt scaling");
    expect(calibrationName("isotonic")).toBe("isotonic regression");
    expect(calibrationName("beta")).toBe("beta");
    expect(calibrationName(null)).toBe("not recorded");
  });

  it("says when each dataset's labels come", () => {
    expect(labelTiming("elearning")).toMatch(/30 days after the scored day/);
    expect(labelTiming("wallet")).toMatch(/at once, from the export's EVALUATE file/);
    expect(labelTiming("table:telco")).toMatch(/target column/);
  });

  it("says why a segment has no metrics", () => {
    expect(segmentGapText("too-few-rows")).toBe("too few rows");
    expect(segmentGapText("one-class")).toBe("one class only");
    expect(segmentGapText(null)).toBe("");
  });
});

describe("performanceDescription", () => {
  it("names CBPE, the latest calibration, the band level and when labels come", () => {
    const text = performanceDescription({ dataset: "elearning", calibration: "isotonic", level: 0.9, anyEstimate: true, anyRealised: false });
    expect(text).toContain("CBPE");
    expect(text).toContain("calibrated with isotonic regression");
    expect(text).toContain("90% of the time");
    expect(text).toContain("30 days after the scored day");
    expect(text).toMatch(/None has arrived yet\.$/);
  });

  it("says when the probabilities were not calibrated, and when no run has an estimate", () => {
    expect(performanceDescription({ dataset: "wallet", calibration: "none", level: 0.95, anyEstimate: true, anyRealised: true })).toContain("the model's own (it saved no calibrator)");
    const none = performanceDescription({ dataset: "wallet", calibration: null, level: null, anyEstimate: false, anyRealised: true });
    expect(none).toMatch(/^No run of this dataset stored an estimate/);
    expect(none).not.toContain("None has arrived");
  });
});

describe("performancePoints", () => {
  it("turns runs (newest first) into oldest-first points with bands where both edges exist", () => {
    const points = performancePoints([
      run("2026-12-02T00:00:00.000Z", {
        estimate: { rows: 10, expectedPositives: 2, rocAuc: null, precisionAtK: { k: 5, estimate: 0.4, lower: null, upper: null }, level: 0.95, calibration: "platt" },
      }),
      run("2026-12-01T00:00:00.000Z", {
        estimate: { rows: 10, expectedPositives: 2, rocAuc: { estimate: 0.8, lower: 0.7, upper: 0.9 }, precisionAtK: { k: 5, estimate: 0.6, lower: 0.4, upper: 0.8 }, level: 0.95, calibration: "platt" },
        realised: { rows: 10, positives: 2, rocAuc: 0.75, prAuc: 0.5, k: 5, precisionAtK: 0.4, calibrationError: 0.1, flagged: false, labelsFrom: "x", computedAt: "2026-12-02T00:00:00.000Z" },
      }),
      run("2026-11-30T00:00:00.000Z"),
    ]);
    const t = (d: string) => Date.parse(`${d}T00:00:00Z`);
    expect(points.rocAuc).toEqual([
      { t: t("2026-11-30"), estimate: null, band: null, realised: null },
      { t: t("2026-12-01"), estimate: 0.8, band: [0.7, 0.9], realised: 0.75 },
      { t: t("2026-12-02"), estimate: null, band: null, realised: null },
    ]);
    expect(points.precisionAtK.map((p) => [p.estimate, p.band, p.realised])).toEqual([[null, null, null], [0.6, [0.4, 0.8], 0.4], [0.4, null, null]]);
  });
});

describe("metricDomain", () => {
  it("fits every value and band edge on tenths inside [0, 1]", () => {
    expect(metricDomain([{ t: 0, estimate: 0.81, band: [0.78, 0.84], realised: 0.72 }])).toEqual([0.6, 0.9]);
    expect(metricDomain([{ t: 0, estimate: 0.02, band: [0, 0.99], realised: null }])).toEqual([0, 1]);
    expect(metricDomain([{ t: 0, estimate: null, band: null, realised: null }])).toEqual([0, 1]);
    // floating point: (0.65 + 0.05) * 10 is 7.000000000000001, still 0.7
    expect(metricDomain([{ t: 0, estimate: 0.65, band: null, realised: 0.55 }])).toEqual([0.5, 0.7]);
  });
});
