import { describe, expect, it } from "vitest";
import { referenceSplit } from "../linear/__fixtures__/reference-split.ts";
import { rocAuc } from "../metrics/roc-auc.ts";
import { adaptiveSearch } from "./adaptive-search.ts";
import { gridSearchLinear } from "./grid-search-linear.ts";
import type { LinearTrial } from "./linear-search-types.ts";

const split = referenceSplit();
const auc = (y: Uint8Array, p: Float64Array) => rocAuc(y, p);
const logLoss = (y: Uint8Array, p: Float64Array) => {
  let s = 0;
  for (let i = 0; i < y.length; i++) s -= y[i] ? Math.log(p[i]!) : Math.log(1 - p[i]!);
  return s / y.length;
};

describe("adaptiveSearch", () => {
  it("runs exactly the trial budget inside the search box, reporting each trial as it finishes", async () => {
    const seen: LinearTrial[] = [];
    const result = await adaptiveSearch({ ...split, score: auc, trials: 12, seed: 1, onTrial: (t) => void seen.push(t) });
    expect(result.trials.length).toBe(12);
    expect(result.models.length).toBe(12);
    expect(seen).toEqual(result.trials);
    for (const t of result.trials) {
      expect(Math.log10(t.params.C)).toBeGreaterThanOrEqual(-4 - 1e-12);
      expect(Math.log10(t.params.C)).toBeLessThanOrEqual(2 + 1e-12);
      expect(t.params.l1_ratio).toBeGreaterThanOrEqual(0);
      expect(t.params.l1_ratio).toBeLessThanOrEqual(1);
    }
    expect(result.best.score).toBe(Math.max(...result.trials.map((t) => t.score)));
  });

  it("spreads its first trials over the box (one per stratum of log C)", async () => {
    const result = await adaptiveSearch({ ...split, score: auc, trials: 4, seed: 2 });
    const strata = result.trials.map((t) => Math.floor(((Math.log10(t.params.C) + 4) / 6) * 4)).sort();
    expect(strata).toEqual([0, 1, 2, 3]);
  });

  it("is reproducible for a seed and explores differently for another", async () => {
    const a = await adaptiveSearch({ ...split, score: auc, trials: 8, seed: 5 });
    const b = await adaptiveSearch({ ...split, score: auc, trials: 8, seed: 5 });
    const c = await adaptiveSearch({ ...split, score: auc, trials: 8, seed: 6 });
    expect(b.trials).toEqual(a.trials);
    expect(Array.from(b.best.model.coef)).toEqual(Array.from(a.best.model.coef));
    expect(c.trials.map((t) => t.params)).not.toEqual(a.trials.map((t) => t.params));
  });

  it("gets as close to the grid's best validation log loss as a 24-point grid does, with 16 trials", async () => {
    // The default grid's best validation log loss on this split is the yardstick (0.48392 at C ≈ 0.139, ridge). The
    // surface is flat near its optimum, so 16 TPE trials land within ±1.1e-3 of it for seeds 0–5 (measured); the
    // test allows 2e-3 for seed 0. What makes it adaptive is the second check: the trials after the start-up design
    // concentrate where the loss is low (later median 0.483–0.487 against 0.490–0.661 for the design, seeds 0–5).
    const grid = await gridSearchLinear({ ...split, score: logLoss, direction: "minimize" });
    const adaptive = await adaptiveSearch({ ...split, score: logLoss, direction: "minimize", trials: 16, seed: 0 });
    expect(adaptive.best.score).toBeLessThan(grid.best.score + 2e-3);
    // Later trials sit nearer the best region than the start-up design does.
    const startup = adaptive.trials.slice(0, 4).map((t) => t.score);
    const later = adaptive.trials.slice(8).map((t) => t.score);
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    expect(median(later)).toBeLessThan(median(startup));
  });

  it("rejects a non-positive budget and an empty range", async () => {
    await expect(adaptiveSearch({ ...split, score: auc, trials: 0 })).rejects.toThrow(RangeError);
    await expect(adaptiveSearch({ ...split, score: auc, trials: 3, logCRange: [1, 1] })).rejects.toThrow(RangeError);
  });
});
