import { describe, expect, it } from "vitest";
import { createSeededRandom, type SeededRandom } from "./seeded-random.ts";

function draws(rng: SeededRandom, n: number): number[] {
  return Array.from({ length: n }, () => rng.next());
}

function mean(xs: readonly number[]): number {
  return xs.reduce((s, x) => s + x, 0) / xs.length;
}

describe("createSeededRandom", () => {
  it("produces the same sequence for the same seed", () => {
    expect(draws(createSeededRandom(42), 1000)).toEqual(draws(createSeededRandom(42), 1000));
  });

  it("produces different sequences for different seeds", () => {
    const a = draws(createSeededRandom(42), 100);
    const b = draws(createSeededRandom(43), 100);
    expect(a).not.toEqual(b);
  });

  it("keeps next() in [0, 1) with mean ≈ 0.5 over 100k draws", () => {
    const xs = draws(createSeededRandom(7), 100_000);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    // Uniform mean 1/2; its standard error at n = 100k is ~0.0009, so 0.01 is > 10 SE.
    expect(Math.abs(mean(xs) - 0.5)).toBeLessThan(0.01);
  });

  it("draws integers in [lo, hi] inclusive, hitting both ends", () => {
    const rng = createSeededRandom(1);
    const seen = new Set<number>();
    for (let i = 0; i < 1000; i++) seen.add(rng.int(3, 6));
    // 4 values × 1000 draws: missing any one has probability ≈ 4 · 0.75^1000 ≈ 0.
    expect([...seen].sort()).toEqual([3, 4, 5, 6]);
  });

  it("draws Poisson counts whose mean ≈ lambda for small and large lambda", () => {
    const rng = createSeededRandom(5);
    // Small lambda uses Knuth's method, lambda ≥ 30 uses PTRS; check both branches.
    for (const lambda of [0.7, 4, 45]) {
      const xs = Array.from({ length: 50_000 }, () => rng.poisson(lambda));
      expect(xs.every((x) => Number.isInteger(x) && x >= 0)).toBe(true);
      // Poisson variance = lambda; SE of the mean = sqrt(lambda / 50k); allow ~6 SE.
      expect(Math.abs(mean(xs) - lambda)).toBeLessThan(6 * Math.sqrt(lambda / 50_000));
    }
  });

  it("draws normals with the requested mean and sd", () => {
    const rng = createSeededRandom(11);
    const xs = Array.from({ length: 50_000 }, () => rng.normal(10, 2));
    const m = mean(xs);
    const sd = Math.sqrt(mean(xs.map((x) => (x - m) ** 2)));
    // SE(mean) = 2 / sqrt(50k) ≈ 0.009; SE(sd) ≈ 2 / sqrt(100k) ≈ 0.006.
    expect(Math.abs(m - 10)).toBeLessThan(0.05);
    expect(Math.abs(sd - 2)).toBeLessThan(0.05);
  });

  it("picks items proportionally to their weights", () => {
    const rng = createSeededRandom(3);
    const counts = { a: 0, b: 0, c: 0 };
    const n = 60_000;
    for (let i = 0; i < n; i++) counts[rng.pick(["a", "b", "c"] as const, [1, 2, 3])]++;
    // Expected shares 1/6, 2/6, 3/6; SE of a share ≤ sqrt(0.25 / 60k) ≈ 0.002, so 0.01 is 5 SE.
    expect(Math.abs(counts.a / n - 1 / 6)).toBeLessThan(0.01);
    expect(Math.abs(counts.b / n - 2 / 6)).toBeLessThan(0.01);
    expect(Math.abs(counts.c / n - 3 / 6)).toBeLessThan(0.01);
  });

  it("draws Beta(a, b) values in (0, 1) with mean a / (a + b)", () => {
    const rng = createSeededRandom(9);
    const xs = Array.from({ length: 40_000 }, () => rng.beta(2, 3));
    expect(xs.every((x) => x > 0 && x < 1)).toBe(true);
    // Beta(2, 3): mean 0.4, sd 0.2; SE of the mean ≈ 0.001.
    expect(Math.abs(mean(xs) - 0.4)).toBeLessThan(0.01);
  });

  it("rejects invalid arguments with a RangeError", () => {
    const rng = createSeededRandom(0);
    expect(() => rng.int(5, 4)).toThrow(RangeError);
    expect(() => rng.poisson(-1)).toThrow(RangeError);
    expect(() => rng.pick([])).toThrow(RangeError);
    expect(() => rng.pick([1, 2], [1])).toThrow(RangeError);
  });
});
