import type { ShapValues } from "../explain/linear-shap.ts";
import type { DesignColumn, Matrix } from "../types.ts";
import type { GradientBoostingModel, TreeArrays } from "./gradient-boosting-model.ts";

/**
 * Exact path-dependent SHAP values of a tree ensemble on the margin (log-odds) scale. For every row and tree the
 * recursion walks all paths once, keeping for the features on the current path the share of "zero" (feature unknown:
 * both children, weighted by cover) and "one" (feature known: the child x goes to, missing values routed as the model
 * routes them) coalitions, and the permutation weights of each coalition size (EXTEND / UNWIND). At a leaf each path
 * feature receives Σ weights · (one − zero) · leaf value. Values equal the brute-force Shapley values of
 * f_S(x) = E[f(x) | x_S] under the tree's cover distribution; local accuracy: baseValue + Σ φ = raw(x).
 *
 * Reference: Lundberg, Erion & Lee (2018), "Consistent Individualized Feature Attribution for Tree Ensembles",
 * Algorithm 2; the shap package's C++ `tree_shap_recursive` (extend_path, unwind_path, unwound_path_sum).
 *
 * O(rows · trees · leaves · depth²) time, O(depth²) working memory.
 *
 * @param columns when given, design columns with the same `source` (one-hot groups) are summed into one feature
 * @returns ShapValues (column-major features × rows); baseValue = baseline + Σ trees' cover-weighted mean leaf value
 */
export function treeShap(model: GradientBoostingModel, x: Matrix, columns?: readonly DesignColumn[]): ShapValues {
  const { rows, cols, data } = x;
  if (cols !== model.nFeatures) throw new RangeError(`treeShap: x has ${cols} columns, the model has ${model.nFeatures} features`);
  if (columns && columns.length !== cols) throw new RangeError(`treeShap: ${columns.length} column descriptions for ${cols} columns`);
  const { features, featureOf } = groupColumns(cols, columns ?? model.featureNames?.map((name) => ({ name, source: name })));

  let baseValue = model.baseline;
  let maxDepth = 0;
  for (const tree of model.trees) {
    baseValue += expectedValue(tree);
    maxDepth = Math.max(maxDepth, treeDepth(tree));
  }
  // path slots: the path at depth d starts right after its parent's, d + 1 further (shap's layout)
  const capacity = ((maxDepth + 3) * (maxDepth + 4)) / 2 + 2;
  const path: PathBuffers = {
    feature: new Int32Array(capacity),
    zero: new Float64Array(capacity),
    one: new Float64Array(capacity),
    weight: new Float64Array(capacity),
  };
  const phi = new Float64Array(cols);
  const row = new Float64Array(cols);
  const values = new Float64Array(features.length * rows);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) row[j] = data[j * rows + i]!;
    phi.fill(0);
    for (const tree of model.trees) recurse(tree, row, phi, path, 0, 0, 0, 1, 1, -1);
    for (let j = 0; j < cols; j++) values[featureOf[j]! * rows + i] += phi[j]!;
  }
  return { baseValue, features, rows, values };
}

/** E[tree(x)] under its covers: Σ leaf value · cover / root cover. */
export function expectedValue(tree: TreeArrays): number {
  let sum = 0;
  for (let k = 0; k < tree.feature.length; k++) if (tree.feature[k]! < 0) sum += tree.value[k]! * tree.cover[k]!;
  return sum / tree.cover[0]!;
}

interface PathBuffers {
  feature: Int32Array;
  zero: Float64Array;
  one: Float64Array;
  weight: Float64Array;
}

/**
 * One node of Algorithm 2. The node's path (depth + 1 elements) lives at path[at .. at + depth], past its parent's
 * path, which it starts as a copy of; so the parent's path survives the first child's changes for the second.
 */
function recurse(
  tree: TreeArrays,
  x: Float64Array,
  phi: Float64Array,
  p: PathBuffers,
  node: number,
  parentOffset: number,
  depthIn: number,
  parentZero: number,
  parentOne: number,
  parentFeature: number,
): void {
  let depth = depthIn;
  const at = parentOffset + depth + 1;
  p.feature.copyWithin(at, parentOffset, parentOffset + depth);
  p.zero.copyWithin(at, parentOffset, parentOffset + depth);
  p.one.copyWithin(at, parentOffset, parentOffset + depth);
  p.weight.copyWithin(at, parentOffset, parentOffset + depth);
  extend(p, at, depth, parentZero, parentOne, parentFeature);
  const split = tree.feature[node]!;
  if (split < 0) {
    const leaf = tree.value[node]!;
    for (let k = 1; k <= depth; k++) {
      const w = unwoundSum(p, at, depth, k);
      phi[p.feature[at + k]!] += w * (p.one[at + k]! - p.zero[at + k]!) * leaf;
    }
    return;
  }
  const v = x[split]!;
  const goesLeft = v <= tree.threshold[node]! || (v !== v && tree.missingLeft[node] === 1);
  const hot = goesLeft ? tree.left[node]! : tree.right[node]!;
  const cold = goesLeft ? tree.right[node]! : tree.left[node]!;
  const cover = tree.cover[node]!;
  let incomingZero = 1;
  let incomingOne = 1;
  let k = 1;
  while (k <= depth && p.feature[at + k] !== split) k++;
  if (k <= depth) {
    // the feature was split on higher up: undo its earlier extension and carry its fractions down
    incomingZero = p.zero[at + k]!;
    incomingOne = p.one[at + k]!;
    unwind(p, at, depth, k);
    depth--;
  }
  recurse(tree, x, phi, p, hot, at, depth + 1, (tree.cover[hot]! / cover) * incomingZero, incomingOne, split);
  recurse(tree, x, phi, p, cold, at, depth + 1, (tree.cover[cold]! / cover) * incomingZero, 0, split);
}

function extend(p: PathBuffers, at: number, depth: number, zero: number, one: number, feature: number): void {
  p.feature[at + depth] = feature;
  p.zero[at + depth] = zero;
  p.one[at + depth] = one;
  p.weight[at + depth] = depth === 0 ? 1 : 0;
  for (let i = depth - 1; i >= 0; i--) {
    p.weight[at + i + 1] += (one * p.weight[at + i]! * (i + 1)) / (depth + 1);
    p.weight[at + i] = (zero * p.weight[at + i]! * (depth - i)) / (depth + 1);
  }
}

function unwind(p: PathBuffers, at: number, depth: number, index: number): void {
  const one = p.one[at + index]!;
  const zero = p.zero[at + index]!;
  let next = p.weight[at + depth]!;
  for (let i = depth - 1; i >= 0; i--) {
    if (one !== 0) {
      const tmp = p.weight[at + i]!;
      p.weight[at + i] = (next * (depth + 1)) / ((i + 1) * one);
      next = tmp - (p.weight[at + i]! * zero * (depth - i)) / (depth + 1);
    } else {
      p.weight[at + i] = (p.weight[at + i]! * (depth + 1)) / (zero * (depth - i));
    }
  }
  for (let i = index; i < depth; i++) {
    p.feature[at + i] = p.feature[at + i + 1]!;
    p.zero[at + i] = p.zero[at + i + 1]!;
    p.one[at + i] = p.one[at + i + 1]!;
  }
}

function unwoundSum(p: PathBuffers, at: number, depth: number, index: number): number {
  const one = p.one[at + index]!;
  const zero = p.zero[at + index]!;
  let next = p.weight[at + depth]!;
  let total = 0;
  for (let i = depth - 1; i >= 0; i--) {
    if (one !== 0) {
      const tmp = (next * (depth + 1)) / ((i + 1) * one);
      total += tmp;
      next = p.weight[at + i]! - tmp * zero * ((depth - i) / (depth + 1));
    } else {
      total += p.weight[at + i]! / zero / ((depth - i) / (depth + 1));
    }
  }
  return total;
}

function treeDepth(tree: TreeArrays): number {
  const depth = new Int32Array(tree.feature.length);
  let max = 0;
  for (let k = 0; k < tree.feature.length; k++) {
    if (tree.feature[k]! < 0) continue;
    depth[tree.left[k]!] = depth[tree.right[k]!] = depth[k]! + 1;
    max = Math.max(max, depth[k]! + 1);
  }
  return max;
}

function groupColumns(cols: number, columns?: readonly DesignColumn[]): { features: string[]; featureOf: Int32Array } {
  const features: string[] = [];
  const featureOf = new Int32Array(cols);
  const index = new Map<string, number>();
  for (let j = 0; j < cols; j++) {
    const source = columns ? columns[j]!.source : `x${j}`;
    let f = index.get(source);
    if (f === undefined) {
      f = features.length;
      index.set(source, f);
      features.push(source);
    }
    featureOf[j] = f;
  }
  return { features, featureOf };
}
