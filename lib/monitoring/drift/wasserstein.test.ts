import { describe, expect, it } from "vitest";
import { closeTo, driftExtra, driftReference, tieSample } from "./__fixtures__/drift-reference.ts";
import {
  populationStd,
  wassersteinDistance,
  wassersteinDistanceNormed,
  wassersteinDistanceNormedSorted,
  wassersteinDistanceSorted,
} from "./wasserstein.ts";

describe("wassersteinDistance", () => {
  it("matches scipy 1.10.1 wasserstein_distance and Evidently's normed value on every numeric reference case", () => {
    expect(driftReference.numeric).toHaveLength(4);
    for (const c of driftReference.numeric) {
      const ref = Float64Array.from(c.reference);
      const cur = Float64Array.from(c.current);
      expect(closeTo(wassersteinDistance(ref, cur), c.wasserstein, 1e-9)).toBe(true);
      expect(closeTo(wassersteinDistanceNormed(ref, cur), c.wasserstein_normed, 1e-9)).toBe(true);
    }
  });

  it("matches scipy on tie-heavy integer samples", () => {
    // Reference: make-drift-extra.py, scipy 1.17.1 wasserstein_distance (duplicates give zero-width gaps).
    for (const c of driftExtra.ties) {
      const ref = tieSample(c.reference);
      const cur = tieSample(c.current);
      expect(closeTo(wassersteinDistance(ref, cur), c.wasserstein, 1e-9)).toBe(true);
      expect(closeTo(wassersteinDistanceNormed(ref, cur), c.wasserstein_normed, 1e-9)).toBe(true);
    }
  });

  it("equals the shift when one sample is the other moved by a constant, and 0 against itself", () => {
    const a = Float64Array.of(0, 1, 3, 7);
    expect(wassersteinDistance(a, a.map((x) => x + 5))).toBeCloseTo(5, 14);
    expect(wassersteinDistance(a, a)).toBe(0);
  });

  it("floors the norm at 0.001 for a constant reference (Evidently)", () => {
    // Distance between {2,2} and {3,3} is 1; std 0 → divided by 0.001.
    expect(wassersteinDistanceNormed(Float64Array.of(2, 2), Float64Array.of(3, 3))).toBeCloseTo(1000, 9);
  });

  it("gives the same numbers through the sorted variants", () => {
    const [c] = driftReference.numeric;
    const ref = Float64Array.from(c.reference).sort();
    const cur = Float64Array.from(c.current).sort();
    expect(wassersteinDistanceSorted(ref, cur)).toBe(wassersteinDistance(Float64Array.from(c.reference), Float64Array.from(c.current)));
    expect(closeTo(wassersteinDistanceNormedSorted(ref, cur), c.wasserstein_normed, 1e-9)).toBe(true);
  });

  it("rejects NaN and empty samples", () => {
    expect(() => wassersteinDistance(Float64Array.of(Number.NaN), Float64Array.of(1))).toThrow(RangeError);
    expect(() => wassersteinDistance(Float64Array.of(1), new Float64Array(0))).toThrow(RangeError);
  });
});

describe("populationStd", () => {
  it("is numpy's std with ddof 0", () => {
    // numpy.std([2, 4, 4, 4, 5, 5, 7, 9]) -> 2.0
    expect(populationStd(Float64Array.of(2, 4, 4, 4, 5, 5, 7, 9))).toBe(2);
  });
});
