import { describe, expect, it } from "vitest";
import { logisticReference, referenceProblem } from "./__fixtures__/reference-problem.ts";
import { fitLogisticPath } from "./fit-logistic-path.ts";
import type { LinearModel } from "./linear-model.ts";

describe("fitLogisticPath", () => {
  const { x, y } = referenceProblem();

  it("returns one model per C, in the order given, each at scikit-learn's optimum", () => {
    // The two L2 reference fits (C = 1 and C = 0.1), given in decreasing order plus one extra C in between.
    const ridge = logisticReference.fits.filter((f) => f.l1_ratio === 0);
    expect(ridge.map((f) => f.C)).toEqual([1, 0.1]);
    const models = fitLogisticPath(x, y, { Cs: [1, 0.3, 0.1], l1Ratio: 0 });
    expect(models.map((m) => m.params?.C)).toEqual([1, 0.3, 0.1]);
    for (const [k, fit] of [[0, ridge[0]!], [2, ridge[1]!]] as const) {
      for (let j = 0; j < fit.coef.length; j++) expect(Math.abs(models[k]!.coef[j]! - fit.coef[j]!)).toBeLessThan(1e-4);
    }
  });

  it("fits in increasing C with warm starts, reporting each model as it finishes", () => {
    const seen: number[] = [];
    const models = fitLogisticPath(x, y, { Cs: [0.5, 0.01, 0.05], l1Ratio: 0.5, onModel: (_m: LinearModel, i: number) => seen.push(i) });
    expect(seen).toEqual([1, 2, 0]); // C = 0.01, 0.05, 0.5
    // Warm starts: every fit after the first starts near its optimum and needs fewer iterations than a cold one would
    // (cold fits of this problem take ≥ 4 iterations; see fitLogisticRegression's tests).
    expect(models[1]!.diagnostics!.iterations).toBeGreaterThanOrEqual(models[2]!.diagnostics!.iterations);
    expect(models.every((m) => m.diagnostics!.converged)).toBe(true);
  });

  it("shrinks the L1 solution towards zero as C decreases", () => {
    const models = fitLogisticPath(x, y, { Cs: [0.001, 0.01, 0.1], l1Ratio: 1 });
    const nonzero = models.map((m) => m.diagnostics!.nonzero);
    // λ = 1/(C·n): at C = 0.001 (λ ≈ 0.67) the mean-scaled gradient at w = 0 is below λ for every column → all zero.
    expect(nonzero[0]).toBe(0);
    expect(nonzero[0]!).toBeLessThanOrEqual(nonzero[1]!);
    expect(nonzero[1]!).toBeLessThanOrEqual(nonzero[2]!);
  });

  it("rejects an empty path", () => {
    expect(() => fitLogisticPath(x, y, { Cs: [] })).toThrow(RangeError);
  });
});
