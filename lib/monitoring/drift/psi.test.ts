import { describe, expect, it } from "vitest";
import { closeTo, driftExtra, driftReference, tieSample } from "./__fixtures__/drift-reference.ts";
import { populationStabilityIndex, psiQuantileBins, psiStatus } from "./psi.ts";

describe("psiQuantileBins", () => {
  it("matches the reference PSI on 10 reference-quantile bins for every numeric case", () => {
    expect(driftReference.numeric).toHaveLength(4);
    for (const c of driftReference.numeric) {
      const result = psiQuantileBins(Float64Array.from(c.reference), Float64Array.from(c.current));
      expect(closeTo(result.psi, c.psi_10_quantile_bins, 1e-9)).toBe(true);
      // No ties in these samples: all 11 deciles are distinct, so 10 bins.
      expect(result.edges).toHaveLength(11);
      expect(result.reference).toHaveLength(10);
      expect(result.reference.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 12);
      expect(result.current.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 12);
    }
  });

  it("collapses tied deciles into fewer bins with numpy's edges and shares", () => {
    // Reference: make-drift-extra.py, the same rule in numpy (np.unique(np.quantile(...)), np.histogram).
    for (const c of driftExtra.ties) {
      const result = psiQuantileBins(tieSample(c.reference), tieSample(c.current));
      expect(result.edges).toEqual([-Infinity, ...c.psi_inner_edges, Infinity]);
      expect(result.reference.every((x, i) => closeTo(x, c.psi_reference[i], 1e-15))).toBe(true);
      expect(result.current.every((x, i) => closeTo(x, c.psi_current[i], 1e-15))).toBe(true);
      expect(closeTo(result.psi, c.psi, 1e-9)).toBe(true);
    }
  });

  it("still separates values when the deciles collapse to two (a 0/1 column) or one (a constant)", () => {
    // The fixture's rule would leave one (−∞, ∞) bin and PSI 0 whatever happens; we bin on the values instead.
    const flags = Float64Array.from({ length: 100 }, (_, i) => (i < 70 ? 0 : 1));
    const moreOnes = Float64Array.from({ length: 100 }, (_, i) => (i < 30 ? 0 : 1));
    const binary = psiQuantileBins(flags, moreOnes);
    // Bins (−∞,0) [0,1) [1,1⁺) [1⁺,∞): shares 0 .7 .3 0 vs 0 .3 .7 0 → 2 × 0.4 × ln(7/3).
    expect(binary.psi).toBeCloseTo(0.8 * Math.log(7 / 3), 12);
    const constant = psiQuantileBins(Float64Array.of(5, 5, 5), Float64Array.of(7, 7, 7));
    expect(constant.psi).toBeGreaterThan(10);
  });

  it("is 0 for identical samples", () => {
    const [c] = driftReference.numeric;
    expect(psiQuantileBins(Float64Array.from(c.reference), Float64Array.from(c.reference)).psi).toBe(0);
  });

  it("rejects NaN", () => {
    expect(() => psiQuantileBins(Float64Array.of(1, Number.NaN), Float64Array.of(1))).toThrow(RangeError);
  });
});

describe("populationStabilityIndex", () => {
  it("matches the hand-computed value for a four-bin shift, and is symmetric", () => {
    // Reference: Python  sum((c-b)*math.log(c/b) for b, c in zip([.25]*4, [.1,.2,.3,.4]))  -> 0.22821740957339182
    expect(populationStabilityIndex([0.25, 0.25, 0.25, 0.25], [0.1, 0.2, 0.3, 0.4])).toBeCloseTo(0.22821740957339182, 14);
    expect(populationStabilityIndex([0.1, 0.2, 0.3, 0.4], [0.25, 0.25, 0.25, 0.25])).toBeCloseTo(0.22821740957339182, 14);
  });

  it("floors empty bins at 1e-6", () => {
    // (0.5 − 1e-6)·ln(0.5/1e-6) + (0.5 − 1)·ln(0.5/1)
    const expected = (0.5 - 1e-6) * Math.log(0.5 / 1e-6) + (0.5 - 1) * Math.log(0.5);
    expect(populationStabilityIndex([0, 1], [0.5, 0.5])).toBeCloseTo(expected, 12);
  });

  it("needs two bins of equal count", () => {
    expect(() => populationStabilityIndex([1], [1])).toThrow("populationStabilityIndex requires at least two bins");
    expect(() => populationStabilityIndex([0.5, 0.5], [1])).toThrow(RangeError);
  });
});

describe("psiStatus", () => {
  const thresholds = { psiWarn: 0.1, psiFail: 0.25 };
  it("is pass below 0.1, warn from 0.1 up to 0.25, fail from 0.25 on", () => {
    expect(psiStatus(0, thresholds)).toBe("pass");
    expect(psiStatus(0.09999999, thresholds)).toBe("pass");
    expect(psiStatus(0.1, thresholds)).toBe("warn");
    expect(psiStatus(0.2499999, thresholds)).toBe("warn");
    expect(psiStatus(0.25, thresholds)).toBe("fail");
    expect(psiStatus(3, thresholds)).toBe("fail");
  });
});
