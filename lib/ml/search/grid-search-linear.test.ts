import { describe, expect, it } from "vitest";
import { referenceSplit } from "../linear/__fixtures__/reference-split.ts";
import { fitLogisticRegression } from "../linear/fit-logistic-regression.ts";
import { rocAuc } from "../metrics/roc-auc.ts";
import { DEFAULT_CS, DEFAULT_L1_RATIOS, gridSearchLinear } from "./grid-search-linear.ts";
import type { LinearTrial } from "./linear-search-types.ts";
import { logspace } from "./logspace.ts";

const split = referenceSplit();
const auc = (y: Uint8Array, p: Float64Array) => rocAuc(y, p);

describe("gridSearchLinear", () => {
  it("runs the default 8 × 3 grid, l1_ratio by l1_ratio in increasing C, reporting each trial as it finishes", async () => {
    // Reference: numpy.logspace(-3, 2, 8) -> [0.001, 0.00517947, 0.02682696, 0.13894955, 0.71968567, 3.72759372, 19.30697729, 100.]
    expect(DEFAULT_CS[0]).toBe(0.001);
    expect(DEFAULT_CS[7]).toBe(100);
    expect(DEFAULT_CS[3]).toBeCloseTo(0.13894955, 8);
    expect(DEFAULT_L1_RATIOS).toEqual([0, 0.5, 1]);
    const seen: LinearTrial[] = [];
    const result = await gridSearchLinear({ ...split, score: auc, onTrial: (t) => void seen.push(t) });
    expect(result.trials.length).toBe(24);
    expect(seen).toEqual(result.trials);
    expect(seen.map((t) => t.index)).toEqual(Array.from({ length: 24 }, (_, i) => i));
    expect(seen.slice(0, 8).map((t) => t.params)).toEqual(DEFAULT_CS.map((C) => ({ C, l1_ratio: 0 })));
    expect(seen[8]!.params).toEqual({ C: 0.001, l1_ratio: 0.5 });
    expect(seen.every((t) => t.converged)).toBe(true);
  });

  it("picks the trial with the best validation score, and its model scores that", async () => {
    const result = await gridSearchLinear({ ...split, score: auc, Cs: logspace(-2, 1, 4), l1Ratios: [0, 1] });
    const top = Math.max(...result.trials.map((t) => t.score));
    expect(result.best.score).toBe(top);
    expect(result.best.index).toBe(result.trials.findIndex((t) => t.score === top));
    expect(rocAuc(split.yValidation, result.best.model.probability(split.validation))).toBe(top);
    expect(result.best.model.params).toMatchObject(result.best.params);
  });

  it("minimises when asked (validation log loss)", async () => {
    const logLoss = (y: Uint8Array, p: Float64Array) => {
      let s = 0;
      for (let i = 0; i < y.length; i++) s -= y[i] ? Math.log(p[i]!) : Math.log(1 - p[i]!);
      return s / y.length;
    };
    const result = await gridSearchLinear({ ...split, score: logLoss, direction: "minimize", Cs: [0.001, 0.1, 10], l1Ratios: [0] });
    expect(result.best.score).toBe(Math.min(...result.trials.map((t) => t.score)));
    // C = 0.001 (λ = 1 per row-mean) shrinks every coefficient hard: it cannot be the best of the three.
    expect(result.best.params.C).not.toBe(0.001);
  });

  it("gives each warm-started trial the optimum a cold fit reaches", async () => {
    const result = await gridSearchLinear({ ...split, score: auc, Cs: [0.01, 0.1, 1], l1Ratios: [0.5] });
    expect(result.models.length).toBe(3);
    for (const [k, C] of [0.01, 0.1, 1].entries()) {
      const cold = fitLogisticRegression(split.train, split.yTrain, { C, l1Ratio: 0.5 });
      // Both stop at a KKT violation ≤ 1e-7; coefficients then agree far inside 1e-6.
      for (let j = 0; j < cold.coef.length; j++) expect(Math.abs(result.models[k]!.coef[j]! - cold.coef[j]!)).toBeLessThan(1e-6);
    }
  });

  it("is reproducible: the same data and grid give the same trials and bitwise-equal coefficients", async () => {
    const a = await gridSearchLinear({ ...split, score: auc });
    const b = await gridSearchLinear({ ...split, score: auc });
    expect(b.trials).toEqual(a.trials);
    expect(Array.from(b.best.model.coef)).toEqual(Array.from(a.best.model.coef));
    expect(Object.is(b.best.model.intercept, a.best.model.intercept)).toBe(true);
  });

  it("awaits an asynchronous onTrial before starting the next fit", async () => {
    const events: string[] = [];
    await gridSearchLinear({
      ...split,
      score: (y, p) => {
        events.push("score");
        return auc(y, p);
      },
      Cs: [0.1, 1],
      l1Ratios: [0],
      onTrial: async (t) => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        events.push(`stored ${t.index}`);
      },
    });
    expect(events).toEqual(["score", "stored 0", "score", "stored 1"]);
  });

  it("rejects an empty grid", async () => {
    await expect(gridSearchLinear({ ...split, score: auc, Cs: [] })).rejects.toThrow(RangeError);
  });
});
