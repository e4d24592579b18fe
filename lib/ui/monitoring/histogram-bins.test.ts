import { describe, expect, it } from "vitest";
import { formatEdge, histogramBinRows } from "./histogram-bins.ts";

describe("histogramBinRows", () => {
  it("labels numeric bins by their edges and turns shares into percents", () => {
    expect(histogramBinRows({ kind: "numeric", edges: [0, 10.5, 1500, Infinity], reference: [0.5, 0.3333333, 0.1666667], current: [0.1, 0.3, 0.6] })).toEqual([
      { bin: "0–10.5", reference: 50, current: 10 },
      { bin: "10.5–1.5K", reference: 33.33, current: 30 },
      { bin: "1.5K–∞", reference: 16.67, current: 60 },
    ]);
  });

  it("keeps categories (an empty one named) in order", () => {
    expect(histogramBinRows({ kind: "categorical", categories: ["free", ""], reference: [0.75, 0.25], current: [0.5, 0.5] })).toEqual([
      { bin: "free", reference: 75, current: 50 },
      { bin: "(empty)", reference: 25, current: 50 },
    ]);
  });
});

describe("formatEdge", () => {
  it("shortens large numbers to 3 significant digits", () => {
    expect([formatEdge(1234567), formatEdge(-0.000123), formatEdge(-Infinity)]).toEqual(["1.23M", "-0.000123", "−∞"]);
  });
});
