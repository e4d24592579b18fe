import { describe, expect, it } from "vitest";
import { closeTo, driftExtra, relativelyClose } from "./__fixtures__/drift-reference.ts";
import { chiSquareSurvival, logGamma, normalTwoSidedPValue, regularizedUpperGamma } from "./regularized-gamma.ts";

describe("logGamma", () => {
  it("gives ln((n−1)!) at integers and ln √π at ½", () => {
    // ln 4! = ln 24; ln 9! = ln 362880; Γ(½) = √π.
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 13);
    expect(logGamma(10)).toBeCloseTo(Math.log(362880), 12);
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 14);
  });
});

describe("regularizedUpperGamma", () => {
  it("equals e^−x for a = 1", () => {
    for (const x of [0.1, 1, 2, 30]) expect(relativelyClose(regularizedUpperGamma(1, x), Math.exp(-x), 1e-13)).toBe(true);
  });

  it("is 1 at x = 0 and rejects a ≤ 0", () => {
    expect(regularizedUpperGamma(3, 0)).toBe(1);
    expect(() => regularizedUpperGamma(0, 1)).toThrow(RangeError);
  });
});

describe("chiSquareSurvival", () => {
  it("matches scipy chi2.sf from the body to the far tail", () => {
    // Reference: make-drift-extra.py, scipy 1.17.1 stats.chi2.sf(x, df).
    for (const c of driftExtra.chi2_sf) {
      const sf = chiSquareSurvival(c.x, c.df);
      expect(closeTo(sf, c.sf, 1e-12)).toBe(true);
      if (c.sf > 1e-300) expect(relativelyClose(sf, c.sf, 1e-10), `x=${c.x} df=${c.df}`).toBe(true);
    }
  });
});

describe("normalTwoSidedPValue", () => {
  it("matches scipy 2·norm.sf(|z|), keeping relative precision at z = 30", () => {
    // Reference: make-drift-extra.py, scipy 1.17.1 2 * stats.norm.sf(abs(z)).
    for (const c of driftExtra.normal_two_sided) {
      expect(relativelyClose(normalTwoSidedPValue(c.z), c.p, 1e-12), `z=${c.z}`).toBe(true);
    }
  });
});
