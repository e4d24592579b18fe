import { describe, expect, it } from "vitest";
import { closeTo, driftExtra, driftReference, relativelyClose, sample } from "./__fixtures__/drift-reference.ts";
import { ksTwoSample, ksTwoSampleSorted, roundHalfEven } from "./ks-two-sample.ts";

describe("ksTwoSample", () => {
  it("matches scipy 1.10.1 ks_2samp on every numeric reference case (exact mode)", () => {
    expect(driftReference.numeric).toHaveLength(4);
    for (const c of driftReference.numeric) {
      const result = ksTwoSample(Float64Array.from(c.reference), Float64Array.from(c.current));
      // All four have max(n1, n2) ≤ 10,000, so scipy's method="auto" is exact.
      expect(result.method).toBe("exact");
      expect(closeTo(result.statistic, c.ks_statistic, 1e-9)).toBe(true);
      // The README asks 1e-6 on p-values; relative 1e-9 holds (the recursion is the same arithmetic).
      expect(relativelyClose(result.pValue, c.ks_pvalue, 1e-9)).toBe(true);
    }
  });

  it("uses the asymptotic p-value past 10,000 values and matches scipy there", () => {
    // Reference: make-drift-extra.py, scipy 1.17.1 ks_2samp (kstwo.sf at n = round(n1·n2/(n1+n2))).
    expect(driftExtra.ks_2samp).toHaveLength(8);
    for (const c of driftExtra.ks_2samp) {
      const result = ksTwoSample(sample(c.reference), sample(c.current));
      expect(result.method).toBe(Math.max(c.reference[0], c.current[0]) <= 10_000 ? "exact" : "asymptotic");
      expect(closeTo(result.statistic, c.statistic, 1e-9)).toBe(true);
      expect(closeTo(result.pValue, c.pvalue, 1e-6)).toBe(true);
      expect(relativelyClose(result.pValue, c.pvalue, 1e-6)).toBe(true);
    }
  });

  it("gives D 0.4, p 0.873015873015873 on the STYLE.md example", () => {
    // Reference: scipy 1.17.1  ks_2samp([1,2,3,4,5], [3,4,5,6,7]) -> statistic 0.4, pvalue 0.873015873015873
    const result = ksTwoSample(Float64Array.of(1, 2, 3, 4, 5), Float64Array.of(3, 4, 5, 6, 7));
    expect(result.statistic).toBe(0.4);
    expect(result.pValue).toBeCloseTo(0.873015873015873, 14);
  });

  it("gives D 0 and p 1 for identical samples, and D 1 for disjoint ones", () => {
    const a = Float64Array.of(3, 1, 2, 5, 4);
    expect(ksTwoSample(a, a)).toEqual({ statistic: 0, pValue: 1, method: "exact" });
    const disjoint = ksTwoSample(Float64Array.of(1, 2, 3), Float64Array.of(10, 11, 12, 13));
    expect(disjoint.statistic).toBe(1);
    // All C(7,3) = 35 orders: only the two fully separated ones reach D = 1 → p = 2/35.
    expect(disjoint.pValue).toBeCloseTo(2 / 35, 14);
  });

  it("is symmetric in its two samples", () => {
    const [c] = driftReference.numeric;
    const ab = ksTwoSample(Float64Array.from(c.reference), Float64Array.from(c.current));
    const ba = ksTwoSample(Float64Array.from(c.current), Float64Array.from(c.reference));
    expect(ba.statistic).toBe(ab.statistic);
    expect(ba.pValue).toBeCloseTo(ab.pValue, 14);
  });

  it("rejects NaN, empty samples, and unsorted input to the sorted variant", () => {
    expect(() => ksTwoSample(Float64Array.of(1, Number.NaN), Float64Array.of(1))).toThrow(RangeError);
    expect(() => ksTwoSample(new Float64Array(0), Float64Array.of(1))).toThrow(RangeError);
    expect(() => ksTwoSampleSorted(Float64Array.of(2, 1), Float64Array.of(1))).toThrow("sorted ascending");
  });
});

describe("roundHalfEven", () => {
  it("rounds halves to the even neighbour like numpy.round", () => {
    expect([0.5, 1.5, 2.5, 2.4, 2.6, 118.5].map(roundHalfEven)).toEqual([0, 2, 2, 2, 3, 118]);
  });
});
