import { describe, expect, it } from "vitest";
import { trialSeries } from "./trial-series.ts";

describe("trialSeries", () => {
  it("groups trials by l1_ratio, sorted by C, and skips what a log axis cannot show", () => {
    const trials = [
      { index: 0, family: "elastic-net", params: { C: 1, l1_ratio: 0.5 }, validationScore: 0.8 },
      { index: 1, family: "elastic-net", params: { C: 0.01, l1_ratio: 0.5 }, validationScore: 0.7 },
      { index: 2, family: "elastic-net", params: { C: 0.1, l1_ratio: 0 }, validationScore: 0.75 },
      { index: 3, family: "elastic-net", params: { C: 0, l1_ratio: 0 }, validationScore: 0.5 },
      { index: 4, family: "elastic-net", params: { C: 10, l1_ratio: 1 }, validationScore: null },
    ];
    const { series, skipped } = trialSeries(trials);
    expect(skipped).toBe(2);
    expect(series.map((s) => s.name)).toEqual(["l1_ratio 0", "l1_ratio 0.5"]);
    expect(series[1].points.map((p) => p.C)).toEqual([0.01, 1]);
  });
});
