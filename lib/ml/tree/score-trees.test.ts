import { describe, expect, it } from "vitest";
import { mulberry32, type Random } from "../random.ts";
import type { Matrix } from "../types.ts";
import { referenceModel, referenceRows, treeShapReference } from "./__fixtures__/reference-trees.ts";
import { fitGradientBoosting } from "./fit-gradient-boosting.ts";
import { GradientBoostingModel, type TreeArrays } from "./gradient-boosting-model.ts";
import { PARALLEL_MIN_ROWS } from "./score-threads.ts";
import { referenceRaw, SCORE_BLOCK } from "./score-trees.ts";

/** Thresholds are drawn from this grid so that rows often sit exactly on one (x ≤ t must go left). */
const GRID = [-2, -1, -0.5, 0, 0.25, 0.5, 1, 2];

/** A random tree of depth ≤ maxDepth, uneven on purpose; pre-order, so children come after their parent. */
function randomTree(random: Random, cols: number, maxDepth: number): TreeArrays {
  const nodes: { feature: number; threshold: number; missingLeft: number; left: number; right: number; value: number }[] = [];
  const grow = (depth: number): number => {
    const id = nodes.length;
    const leaf = depth === maxDepth || (depth > 0 && random() < 0.3);
    nodes.push({ feature: -1, threshold: 0, missingLeft: 0, left: -1, right: -1, value: random() * 2 - 1 });
    if (leaf) return id;
    const node = nodes[id]!;
    node.feature = Math.floor(random() * cols);
    // 1 in 10 splits is "every non-missing value left" (threshold +∞), as the grower makes for missing-only splits
    node.threshold = random() < 0.1 ? Infinity : GRID[Math.floor(random() * GRID.length)]!;
    node.missingLeft = random() < 0.5 ? 1 : 0;
    node.value = 0;
    node.left = grow(depth + 1);
    node.right = grow(depth + 1);
    return id;
  };
  grow(0);
  return {
    feature: Int32Array.from(nodes, (n) => n.feature),
    threshold: Float64Array.from(nodes, (n) => n.threshold),
    missingLeft: Uint8Array.from(nodes, (n) => n.missingLeft),
    left: Int32Array.from(nodes, (n) => n.left),
    right: Int32Array.from(nodes, (n) => n.right),
    value: Float64Array.from(nodes, (n) => n.value),
    cover: Float64Array.from(nodes, () => 1),
  };
}

/** Values from the threshold grid, uniform noise, 15% NaN and, with `infinite`, ±∞. */
function randomRows(random: Random, rows: number, cols: number, infinite: boolean): Matrix {
  const data = new Float64Array(rows * cols);
  for (let k = 0; k < data.length; k++) {
    const u = random();
    data[k] = u < 0.15 ? Number.NaN : u < 0.4 ? GRID[Math.floor(random() * GRID.length)]! : infinite && u < 0.43 ? Infinity : infinite && u < 0.46 ? -Infinity : random() * 6 - 3;
  }
  return { rows, cols, data };
}

describe("GradientBoostingModel.raw (the compiled evaluator)", () => {
  it("equals the plain per-row walk bit for bit on random trees and rows with NaN and ±∞", () => {
    const random = mulberry32(11);
    const cols = 7;
    const trees = Array.from({ length: 40 }, (_, t) => randomTree(random, cols, 1 + (t % 7)));
    const model = new GradientBoostingModel(-0.37, cols, trees);
    // not a multiple of the 8-row groups nor of the block: the tails go through the single-row loop
    const x = randomRows(random, 3 * SCORE_BLOCK + 13, cols, true);
    const fast = model.raw(x);
    const reference = referenceRaw(trees, -0.37, x);
    expect(Array.from(fast)).toEqual(Array.from(reference));
    // the reference walk is itself right: a one-split tree sends NaN by missingLeft and x = threshold left
    const stump = randomTree(mulberry32(3), 1, 1);
    stump.feature[0] = 0;
    stump.threshold[0] = 0.5;
    stump.missingLeft[0] = 1;
    const probe = { rows: 4, cols: 1, data: Float64Array.of(0.5, 0.6, Number.NaN, -Infinity) };
    const l = stump.value[stump.left[0]!]!;
    const r = stump.value[stump.right[0]!]!;
    expect(Array.from(referenceRaw([stump], 0, probe))).toEqual([l, r, l, l]);
    expect(Array.from(new GradientBoostingModel(0, 1, [stump]).raw(probe))).toEqual([l, r, l, l]);
  });

  it("splits a large batch with a helper thread and still equals the plain walk", () => {
    const random = mulberry32(8);
    const cols = 6;
    const trees = Array.from({ length: 12 }, () => randomTree(random, cols, 6));
    const model = new GradientBoostingModel(0.25, cols, trees);
    const x = randomRows(random, PARALLEL_MIN_ROWS + 1001, cols, true);
    const reference = Array.from(referenceRaw(trees, 0.25, x));
    expect(Array.from(model.raw(x, 2))).toEqual(reference);
    expect(Array.from(model.raw(x, 1))).toEqual(reference);
  });

  it("equals the plain walk on a fitted model with missing values, and after a JSON round trip", () => {
    const random = mulberry32(5);
    const rows = 1500;
    const cols = 5;
    const x = randomRows(random, rows, cols, false);
    const y = new Uint8Array(rows);
    for (let i = 0; i < rows; i++) {
      const a = x.data[i]!;
      y[i] = (a !== a || a > 0.3 ? 1 : 0) ^ (random() < 0.2 ? 1 : 0);
    }
    const model = fitGradientBoosting(x, y, { maxIter: 30, maxDepth: 6, minSamplesLeaf: 5, earlyStopping: false });
    expect(model.trees.some((t) => t.missingLeft.some((m, k) => m === 1 && t.feature[k]! >= 0))).toBe(true);
    const reference = referenceRaw(model.trees, model.baseline, x);
    expect(Array.from(model.raw(x))).toEqual(Array.from(reference));
    const restored = GradientBoostingModel.fromJSON(JSON.parse(JSON.stringify(model.toJSON())));
    expect(Array.from(restored.raw(x))).toEqual(Array.from(reference));
  });

  it("equals the plain walk and scikit-learn's decision_function on the TreeSHAP reference model", () => {
    // Reference: ../shared/reference/treeshap.json raw_score (sklearn 1.2.1 decision_function, missing values included).
    const model = referenceModel(treeShapReference);
    const x = referenceRows(treeShapReference);
    const fast = model.raw(x);
    expect(Array.from(fast)).toEqual(Array.from(referenceRaw(model.trees, model.baseline, x)));
    treeShapReference.raw_score.forEach((s, i) => expect(Math.abs(fast[i]! - s)).toBeLessThan(1e-9));
  });
});
