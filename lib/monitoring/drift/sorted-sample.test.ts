import { describe, expect, it } from "vitest";
import { distinctUnionCount, linearQuantileSorted, sortFinite } from "./sorted-sample.ts";

describe("sortFinite", () => {
  it("sorts and drops NaN and ±Infinity, counting them as missing", () => {
    const { sorted, missing } = sortFinite(Float64Array.of(3, Number.NaN, -Infinity, 1, Infinity, 2));
    expect([...sorted]).toEqual([1, 2, 3]);
    expect(missing).toBe(3);
  });

  it("leaves the input untouched", () => {
    const input = Float64Array.of(2, 1);
    sortFinite(input);
    expect([...input]).toEqual([2, 1]);
  });
});

describe("linearQuantileSorted", () => {
  it("matches numpy.quantile's default linear method", () => {
    // numpy 2.4.6: np.quantile([1, 2, 3, 4], [0, .1, .5, .9, 1]) -> [1. , 1.3, 2.5, 3.7, 4. ]
    const sorted = Float64Array.of(1, 2, 3, 4);
    expect([0, 0.1, 0.5, 0.9, 1].map((q) => linearQuantileSorted(sorted, q))).toEqual([1, 1.3, 2.5, 3.7, 4]);
  });
});

describe("distinctUnionCount", () => {
  it("counts distinct values over both samples, stopping past the limit", () => {
    expect(distinctUnionCount(Float64Array.of(1, 1, 2), Float64Array.of(2, 3), 5)).toBe(3);
    expect(distinctUnionCount(Float64Array.of(1, 2, 3, 4, 5, 6, 7, 8), Float64Array.of(9), 5)).toBe(6);
  });
});
