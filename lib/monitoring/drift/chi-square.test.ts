import { describe, expect, it } from "vitest";
import { closeTo, driftExtra, driftReference, relativelyClose } from "./__fixtures__/drift-reference.ts";
import { chiSquareTest } from "./chi-square.ts";

const countsOf = (values: string[], categories: string[]) => categories.map((c) => values.filter((v) => v === c).length);

describe("chiSquareTest", () => {
  it("matches the scipy 1.10.1 reference on every categorical case", () => {
    expect(driftReference.categorical).toHaveLength(3);
    for (const c of driftReference.categorical) {
      const result = chiSquareTest(countsOf(c.reference, c.categories), countsOf(c.current, c.categories));
      expect(closeTo(result.statistic, c.chi2_statistic, 1e-9)).toBe(true);
      // 1.7e-46 in case 2: relative, or the 1e-6 tolerance would accept 0.
      expect(relativelyClose(result.pValue, c.chi2_pvalue, 1e-6)).toBe(true);
    }
  });

  it("leaves a category the reference never saw out of the statistic and counts its rows", () => {
    // The third reference case: current has 302 rows of "d", absent from the reference; scipy on a, b, c only
    // (expected = reference shares × 2698) gives 19.107…, 2 degrees of freedom.
    const c = driftReference.categorical[2];
    expect(c.categories).toEqual(["a", "b", "c", "d"]);
    const result = chiSquareTest(countsOf(c.reference, c.categories), countsOf(c.current, c.categories));
    expect(result.unseenCurrent).toBe(302);
    expect(result.degreesOfFreedom).toBe(2);
  });

  it("matches scipy chisquare(observed, expected) when the expected counts are already on the current scale", () => {
    // Reference: make-drift-extra.py, scipy 1.17.1 stats.chisquare (includes a category current lacks: 0 observed).
    for (const c of driftExtra.chisquare) {
      const result = chiSquareTest(c.expected, c.observed);
      expect(closeTo(result.statistic, c.statistic, 1e-12)).toBe(true);
      expect(relativelyClose(result.pValue, c.pvalue, 1e-9)).toBe(true);
    }
  });

  it("gives statistic 0 and p 1 when current shares equal reference shares", () => {
    expect(chiSquareTest([10, 20, 30], [20, 40, 60])).toEqual({ statistic: 0, pValue: 1, degreesOfFreedom: 2, unseenCurrent: 0 });
  });

  it("rejects mismatched lengths, negative counts and an empty reference", () => {
    expect(() => chiSquareTest([1, 2], [1])).toThrow(RangeError);
    expect(() => chiSquareTest([1, -2], [1, 1])).toThrow(RangeError);
    expect(() => chiSquareTest([0, 0], [1, 1])).toThrow(RangeError);
  });
});
