import { describe, expect, it } from "vitest";
import { mulberry32, randomInt, shuffleInPlace } from "./random.ts";

describe("mulberry32", () => {
  it("reproduces an independent Python implementation of the same recurrence", () => {
    // Reference: Python 3, 32-bit masking re-implementation of mulberry32 (not this file):
    //   seed 42 -> [0.6011037519201636, 0.44829055899754167, 0.8524657934904099]
    //   seed 0  -> [0.26642920868471265, 0.0003297457005828619]
    const a = mulberry32(42);
    expect([a(), a(), a()]).toEqual([0.6011037519201636, 0.44829055899754167, 0.8524657934904099]);
    const b = mulberry32(0);
    expect([b(), b()]).toEqual([0.26642920868471265, 0.0003297457005828619]);
  });

  it("gives the same stream for the same seed and a different one for another seed", () => {
    const a = mulberry32(123);
    const b = mulberry32(123);
    const c = mulberry32(124);
    const xs = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c())).not.toEqual(xs);
  });

  it("stays in [0, 1) with a mean near ½ and balanced deciles", () => {
    const random = mulberry32(2024);
    const n = 100_000;
    const deciles = new Array(10).fill(0);
    let sum = 0;
    let outside = 0;
    for (let i = 0; i < n; i++) {
      const x = random();
      if (!(x >= 0 && x < 1)) outside++;
      sum += x;
      deciles[Math.floor(x * 10)]++;
    }
    expect(outside).toBe(0);
    // Standard error of the mean is sqrt(1/12/n) ≈ 0.0009; 0.005 is > 5 standard errors.
    expect(Math.abs(sum / n - 0.5)).toBeLessThan(0.005);
    // Each decile ~ Binomial(n, 0.1): sd ≈ 95; 600 is > 6 sd.
    for (const count of deciles) expect(Math.abs(count - n / 10)).toBeLessThan(600);
  });
});

describe("shuffleInPlace", () => {
  it("permutes (same multiset) reproducibly", () => {
    const a = shuffleInPlace(Uint32Array.from({ length: 50 }, (_, i) => i), mulberry32(1));
    const b = shuffleInPlace(Uint32Array.from({ length: 50 }, (_, i) => i), mulberry32(1));
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(Array.from(a).sort((x, y) => x - y)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(Array.from(a)).not.toEqual(Array.from({ length: 50 }, (_, i) => i));
  });

  it("puts each element in each position about equally often", () => {
    const random = mulberry32(9);
    const counts = [0, 0, 0];
    for (let t = 0; t < 30_000; t++) counts[shuffleInPlace([0, 1, 2], random).indexOf(0)]++;
    // Binomial(30000, 1/3): sd ≈ 82; 500 is > 6 sd.
    for (const c of counts) expect(Math.abs(c - 10_000)).toBeLessThan(500);
    expect(randomInt(mulberry32(3), 1)).toBe(0);
  });
});
