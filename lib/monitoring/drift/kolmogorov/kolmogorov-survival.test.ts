import { describe, expect, it } from "vitest";
import { closeTo, driftExtra, relativelyClose } from "../__fixtures__/drift-reference.ts";
import { kolmogorovSurvival } from "./kolmogorov-survival.ts";
import { smirnovSurvival } from "./smirnov.ts";

describe("kolmogorovSurvival", () => {
  it("matches scipy kstwo.sf in every branch (Ruben–Gambino, Durbin, Pomeranz, Pelz–Good, 2·smirnov)", () => {
    // Reference: make-drift-extra.py, scipy 1.17.1 stats.kstwo.sf(x, n) (same _ksstats.py as 1.10.1).
    expect(driftExtra.kstwo_sf.length).toBeGreaterThanOrEqual(25);
    for (const c of driftExtra.kstwo_sf) {
      const sf = kolmogorovSurvival(c.n, c.x);
      expect(closeTo(sf, c.sf, 1e-9), `n=${c.n} x=${c.x}: ${sf} vs ${c.sf}`).toBe(true);
      if (c.sf > 1e-300) expect(relativelyClose(sf, c.sf, 1e-8), `n=${c.n} x=${c.x}`).toBe(true);
    }
  });

  it("is 1 at x ≤ 1/2n and 0 at x ≥ 1", () => {
    expect(kolmogorovSurvival(10, 0.05)).toBe(1);
    expect(kolmogorovSurvival(10, 0)).toBe(1);
    expect(kolmogorovSurvival(10, 1)).toBe(0);
  });

  it("decreases in x", () => {
    let previous = 1;
    for (let x = 0.01; x < 0.3; x += 0.01) {
      const sf = kolmogorovSurvival(200, x);
      expect(sf).toBeLessThanOrEqual(previous + 1e-15);
      previous = sf;
    }
  });

  it("rejects a non-integer n", () => {
    expect(() => kolmogorovSurvival(2.5, 0.1)).toThrow(RangeError);
  });
});

describe("smirnovSurvival", () => {
  it("matches scipy.special.smirnov, including the n > 10⁶ approximation", () => {
    // Reference: make-drift-extra.py, scipy 1.17.1 special.smirnov(n, x) (cephes kolmogorov.c as in 1.10.1).
    for (const c of driftExtra.smirnov) {
      const sf = smirnovSurvival(c.n, c.x);
      expect(relativelyClose(sf, c.sf, 1e-9), `n=${c.n} x=${c.x}: ${sf} vs ${c.sf}`).toBe(true);
    }
  });
});
