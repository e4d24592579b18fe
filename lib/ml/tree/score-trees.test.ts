import { describe, expect, it } from "vitest";
import { mulberry32, type Random } from "../random.ts";
import type { Matrix } from "../types.ts";
import { referenceModel, referenceRows, treeShapReference } from "./__fixtures__/reference-trees.ts";
import { fitGradientBoosting } from "./fit-gradient-boosting.ts";
import { GradientBoostingModel, type TreeArrays } from "./gradient-boosting-model.ts";
import { CHUNK_ROWS, PARALLEL_MIN_ROWS, scoreRowsInParallel } from "./score-threads.ts";
import { referenceRaw, SCORE_BLOCK } from "./score-trees.ts";
import { compileWasmTrees, instantiateScorer, orderKey, scoreRowsWasm, WASM_BLOCK, WASM_MAX_DEPTH } from "./score-wasm.ts";

/** Thresholds are drawn from this grid so that rows often sit exactly on one (x ≤ t must go left). */
const GRID = [-2, -1, -0.5, 0, 0.25, 0.5, 1, 2];

/**
 * Values where a float comparison can go wrong: signed zeros, the extremes, the smallest subnormals, ±∞. As
 * thresholds (with NaN) and as values, every pair must decide as x ≤ t does.
 */
const EDGES = [-Infinity, -Number.MAX_VALUE, -1e300, -1, -Number.MIN_VALUE, -0, 0, Number.MIN_VALUE, 1, 1e300, Number.MAX_VALUE, Infinity];

/** A random tree of depth ≤ maxDepth, uneven on purpose; pre-order, so children come after their parent. */
function randomTree(random: Random, cols: number, maxDepth: number, grid: readonly number[] = GRID): TreeArrays {
  const nodes: { feature: number; threshold: number; missingLeft: number; left: number; right: number; value: number }[] = [];
  const grow = (depth: number): number => {
    const id = nodes.length;
    const leaf = depth === maxDepth || (depth > 0 && random() < 0.3);
    nodes.push({ feature: -1, threshold: 0, missingLeft: 0, left: -1, right: -1, value: random() * 2 - 1 });
    if (leaf) return id;
    const node = nodes[id]!;
    node.feature = Math.floor(random() * cols);
    // 1 in 10 splits is "every non-missing value left" (threshold +∞), as the grower makes for missing-only splits
    node.threshold = random() < 0.1 ? Infinity : grid[Math.floor(random() * grid.length)]!;
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
function randomRows(random: Random, rows: number, cols: number, infinite: boolean, grid: readonly number[] = GRID): Matrix {
  const data = new Float64Array(rows * cols);
  for (let k = 0; k < data.length; k++) {
    const u = random();
    data[k] = u < 0.15 ? Number.NaN : u < 0.4 ? grid[Math.floor(random() * grid.length)]! : infinite && u < 0.43 ? Infinity : infinite && u < 0.46 ? -Infinity : random() * 6 - 3;
  }
  return { rows, cols, data };
}

/** A caterpillar tree: each split's right child is a leaf, so depth = splits. */
function deepTree(random: Random, cols: number, depth: number): TreeArrays {
  const n = 2 * depth + 1;
  const tree: TreeArrays = {
    feature: new Int32Array(n).fill(-1),
    threshold: new Float64Array(n),
    missingLeft: new Uint8Array(n),
    left: new Int32Array(n).fill(-1),
    right: new Int32Array(n).fill(-1),
    value: Float64Array.from({ length: n }, () => random() * 2 - 1),
    cover: new Float64Array(n).fill(1),
  };
  for (let d = 0; d < depth; d++) {
    const k = 2 * d;
    tree.feature[k] = Math.floor(random() * cols);
    tree.threshold[k] = GRID[Math.floor(random() * GRID.length)]!;
    tree.missingLeft[k] = random() < 0.5 ? 1 : 0;
    tree.left[k] = k + 2;
    tree.right[k] = k + 1;
  }
  return tree;
}

describe("GradientBoostingModel JSON", () => {
  it("round-trips +∞, −∞ and NaN thresholds, reads null as +∞ (older artifacts), and names a bad threshold", () => {
    const tree: TreeArrays = {
      feature: Int32Array.of(0, 0, -1, -1, 0, -1, -1),
      threshold: Float64Array.of(-Infinity, Infinity, 0, 0, Number.NaN, 0, 0),
      missingLeft: Uint8Array.of(1, 0, 0, 0, 1, 0, 0),
      left: Int32Array.of(1, 2, -1, -1, 5, -1, -1),
      right: Int32Array.of(4, 3, -1, -1, 6, -1, -1),
      value: Float64Array.of(0, 0, 0.1, 0.2, 0, 0.3, 0.4),
      cover: Float64Array.of(4, 2, 1, 1, 2, 1, 1),
    };
    const model = new GradientBoostingModel(0, 1, [tree]);
    const text = JSON.stringify(model.toJSON());
    const restored = GradientBoostingModel.fromJSON(JSON.parse(text));
    expect(Array.from(restored.trees[0]!.threshold)).toEqual([-Infinity, Infinity, 0, 0, Number.NaN, 0, 0]);
    const probe = { rows: 4, cols: 1, data: Float64Array.of(-Infinity, -5, Infinity, Number.NaN) };
    // −∞ ≤ −∞ goes left, then ≤ +∞ left again; −5 and +∞ go right, then "x ≤ NaN" is false: right; NaN goes left
    // (missing left), then right (node 1 sends missing values right). Read back as +∞, the root would send −5 left.
    expect(Array.from(restored.raw(probe, 1))).toEqual([0.1, 0.4, 0.4, 0.2]);
    const old = JSON.parse(text);
    old.trees[0].threshold = [null, null, 0, 0, 1, 0, 0];
    expect(GradientBoostingModel.fromJSON(old).trees[0]!.threshold[0]).toBe(Infinity);
    old.trees[0].threshold[4] = "big";
    expect(() => GradientBoostingModel.fromJSON(old)).toThrow(/trees\[0\]\.threshold\[4\] is "big"/);
  });
});

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

  it("decides every split like x ≤ threshold for signed zeros, extremes, subnormals, ±∞ and NaN thresholds", () => {
    const random = mulberry32(21);
    const cols = 4;
    const grid = [...EDGES, Number.NaN];
    const trees = Array.from({ length: 60 }, (_, t) => randomTree(random, cols, 1 + (t % 6), grid));
    const x = randomRows(random, 2 * WASM_BLOCK + 5, cols, true, EDGES);
    const reference = Array.from(referenceRaw(trees, 0.5, x));
    expect(Array.from(new GradientBoostingModel(0.5, cols, trees).raw(x, 1))).toEqual(reference);
    // every (value, threshold, missing direction) pair once, through one-split trees
    const values = [...EDGES, Number.NaN];
    for (const threshold of [...EDGES, Number.NaN]) {
      for (const missingLeft of [0, 1]) {
        const stump: TreeArrays = {
          feature: Int32Array.of(0, -1, -1),
          threshold: Float64Array.of(threshold, 0, 0),
          missingLeft: Uint8Array.of(missingLeft, 0, 0),
          left: Int32Array.of(1, -1, -1),
          right: Int32Array.of(2, -1, -1),
          value: Float64Array.of(0, -1, 1),
          cover: Float64Array.of(1, 1, 1),
        };
        const probe = { rows: values.length, cols: 1, data: Float64Array.from(values) };
        const expected = values.map((v) => (v !== v ? (missingLeft ? -1 : 1) : v <= threshold ? -1 : 1));
        expect(Array.from(referenceRaw([stump], 0, probe))).toEqual(expected);
        expect(Array.from(new GradientBoostingModel(0, 1, [stump]).raw(probe, 1))).toEqual(expected);
      }
    }
  });

  it("orders keys as the numbers they encode: −0 and +0 equal, NaN thresholds below every value", () => {
    const keys = EDGES.map(orderKey);
    for (let k = 1; k < EDGES.length; k++) {
      if (Object.is(EDGES[k - 1], -0)) expect(keys[k]).toBe(keys[k - 1]);
      else expect(keys[k]! > keys[k - 1]!).toBe(true);
    }
    expect(orderKey(Number.NaN) < orderKey(-Infinity)).toBe(true);
  });

  it("scores with the WebAssembly kernel up to WASM_MAX_DEPTH and with the typed-array path or the plain walk beyond, on 1 and 2 threads", () => {
    const random = mulberry32(31);
    const cols = 5;
    const atLimit = [randomTree(random, cols, 3), deepTree(random, cols, WASM_MAX_DEPTH)];
    const beyond = [randomTree(random, cols, 3), deepTree(random, cols, WASM_MAX_DEPTH + 5)];
    const kernel = compileWasmTrees(atLimit, cols);
    expect(kernel).not.toBeNull();
    expect(compileWasmTrees(beyond, cols)).toBeNull();
    const x = randomRows(random, PARALLEL_MIN_ROWS + 3 * WASM_BLOCK + 3, cols, true);
    // the kernel itself, on a row range that starts and ends inside blocks
    const out = new Float64Array(x.rows);
    scoreRowsWasm(instantiateScorer(kernel!), -1.25, x, 7, 7 + 2 * WASM_BLOCK + 11, out);
    const reference = referenceRaw(atLimit, -1.25, x);
    expect(Array.from(out.subarray(7, 7 + 2 * WASM_BLOCK + 11))).toEqual(Array.from(reference.subarray(7, 7 + 2 * WASM_BLOCK + 11)));
    // deep and with thresholds the typed-array layout cannot hold: the plain walk
    const exotic = [deepTree(random, cols, WASM_MAX_DEPTH + 1), randomTree(random, cols, 4, [...EDGES, Number.NaN])];
    exotic[0]!.threshold[0] = Number.NaN;
    exotic[0]!.threshold[2] = Number.MAX_VALUE;
    for (const trees of [atLimit, beyond, exotic]) {
      const model = new GradientBoostingModel(-1.25, cols, trees);
      const expected = Array.from(referenceRaw(trees, -1.25, x));
      expect(Array.from(model.raw(x, 1))).toEqual(expected);
      expect(Array.from(model.raw(x, 2))).toEqual(expected);
    }
  });

  it("scores every chunk on the calling thread when the helper thread fails", () => {
    const random = mulberry32(41);
    const cols = 3;
    const trees = Array.from({ length: 5 }, () => randomTree(random, cols, 4));
    const kernel = compileWasmTrees(trees, cols)!;
    const x = randomRows(random, 6 * CHUNK_ROWS + 17, cols, true);
    const out = new Float64Array(x.rows);
    const scorer = instantiateScorer(kernel);
    let hereRows = 0;
    // a module the helper cannot instantiate: it throws before taking a chunk
    const broken = { kind: "wasm" as const, trees: { ...kernel, module: null as unknown as WebAssembly.Module } };
    scoreRowsInParallel(broken, 0.5, x, out, (from, to) => {
      hereRows += to - from;
      scoreRowsWasm(scorer, 0.5, x, from, to, out);
    });
    expect(hereRows).toBe(x.rows);
    expect(Array.from(out)).toEqual(Array.from(referenceRaw(trees, 0.5, x)));
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
