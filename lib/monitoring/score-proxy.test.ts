import { describe, expect, it } from "vitest";
import { linearQuantile } from "./linear-quantile.ts";
import { scoreSummary } from "./score-proxy.ts";

describe("scoreSummary", () => {
  it("matches numpy on the five-value docstring example", () => {
    // numpy 1.24.2: a = np.array([0.1, 0.2, 0.3, 0.4, 0.9]); np.quantile(a, [0.5, 0.9, 0.99]) -> [0.3, 0.7000000000000001, 0.88];
    // a.mean() -> 0.38; (a >= 0.7).mean() -> 0.2
    expect(scoreSummary(Float64Array.of(0.1, 0.2, 0.3, 0.4, 0.9))).toEqual({ rows: 5, mean: 0.38, p50: 0.3, p90: 0.7000000000000001, p99: 0.88, highRiskRate: 0.2 });
  });

  it("matches numpy on an unsorted run, counting a probability equal to the threshold as high risk", () => {
    // numpy 1.24.2: b = np.array([0.83, 0.05, 0.61, 0.12, 0.7, 0.33, 0.97, 0.41, 0.08, 0.7, 0.26, 0.55])
    // np.quantile(b, [0.5, 0.9, 0.99]) -> [0.48, 0.8170000000000001, 0.9546]; b.mean() -> 0.46749999999999997; (b >= 0.7).mean() -> 4/12
    const b = Float64Array.of(0.83, 0.05, 0.61, 0.12, 0.7, 0.33, 0.97, 0.41, 0.08, 0.7, 0.26, 0.55);
    const s = scoreSummary(b);
    expect(s.rows).toBe(12);
    expect(s.mean).toBeCloseTo(0.46749999999999997, 15);
    expect([s.p50, s.p90, s.p99]).toEqual([0.48, 0.8170000000000001, 0.9546]);
    expect(s.highRiskRate).toBe(4 / 12);
    expect(Array.from(b.subarray(0, 3))).toEqual([0.83, 0.05, 0.61]); // the input is not sorted in place
  });

  it("takes the high-risk threshold as a parameter", () => {
    const b = Float64Array.of(0.1, 0.5, 0.55, 0.9);
    expect(scoreSummary(b, 0.5).highRiskRate).toBe(0.75);
    expect(scoreSummary(b, 0.95).highRiskRate).toBe(0);
  });

  it("gives the value itself for one row", () => {
    // numpy: np.quantile([0.42], [0.5, 0.9, 0.99]) -> [0.42, 0.42, 0.42]
    expect(scoreSummary(Float64Array.of(0.42))).toEqual({ rows: 1, mean: 0.42, p50: 0.42, p90: 0.42, p99: 0.42, highRiskRate: 0 });
  });

  it("throws a RangeError on no rows or a NaN", () => {
    expect(() => scoreSummary(new Float64Array(0))).toThrow("scoreSummary needs at least one probability");
    expect(() => scoreSummary(Float64Array.of(0.2, Number.NaN))).toThrow(RangeError);
  });
});

describe("linearQuantile", () => {
  it("is exact at the ends and interpolates linearly between order statistics", () => {
    const s = Float64Array.of(1, 2, 4, 8);
    expect([0, 1].map((q) => linearQuantile(s, q))).toEqual([1, 8]);
    // h = 3·0.5 = 1.5 → 2 + (4 − 2)·0.5 = 3; h = 3·0.25 = 0.75 → 1 + 1·0.75 = 1.75 (numpy: same)
    expect(linearQuantile(s, 0.5)).toBe(3);
    expect(linearQuantile(s, 0.25)).toBe(1.75);
  });

  it("throws a RangeError on empty input or q outside [0, 1]", () => {
    expect(() => linearQuantile([], 0.5)).toThrow(RangeError);
    expect(() => linearQuantile([1], 1.5)).toThrow(RangeError);
  });
});
