import type { Matrix } from "../types.ts";
import type { TreeArrays } from "./gradient-boosting-model.ts";

/**
 * The typed-array scoring path, for models the WebAssembly kernel (score-wasm.ts) does not take: a tree deeper than
 * WASM_MAX_DEPTH. All trees of an ensemble in one branch-free scoring layout. Nodes are laid out breadth-first with sibling pairs
 * adjacent (right = left + 1); a leaf is its own left child with threshold +∞, so a row that reached a leaf stays
 * there and every tree is walked exactly `depth` steps:
 *   node ← left[node] + (row[column[node]] > threshold[node])
 * Missing values need no test of their own: each row is stored twice (see fillRowBlock), once with NaN as +∞ (read
 * by nodes whose missing values go right, column = feature) and once with NaN as −∞ (missing left, column =
 * cols + feature). A threshold of +∞ ("every non-missing value left") becomes Number.MAX_VALUE and a value of +∞
 * becomes MAX_VALUE too, so +∞ still goes left there and NaN still goes right; every other comparison is unchanged.
 */
export interface CompiledTrees {
  /** cols: the model's features; a row of a block has 2·cols slots */
  cols: number;
  column: Int32Array;
  threshold: Float64Array;
  left: Int32Array;
  value: Float64Array;
  roots: Int32Array;
  depths: Int32Array;
}

/**
 * Whether compileTrees can represent every split: a threshold of NaN ("x ≤ NaN" is false, every value right) or of
 * exactly Number.MAX_VALUE (which +∞ values, stored as MAX_VALUE, would no longer exceed) cannot.
 */
export function compilable(trees: readonly TreeArrays[]): boolean {
  return trees.every((tree) => tree.threshold.every((t, k) => tree.feature[k]! < 0 || (t === t && t !== Number.MAX_VALUE)));
}

/** Lays the trees out as CompiledTrees (see compilable for the splits it cannot hold). O(total nodes). */
export function compileTrees(trees: readonly TreeArrays[], cols: number): CompiledTrees {
  const total = trees.reduce((sum, t) => sum + t.feature.length, 0);
  const column = new Int32Array(total);
  const threshold = new Float64Array(total).fill(Infinity);
  const left = new Int32Array(total);
  const value = new Float64Array(total);
  const roots = new Int32Array(trees.length);
  const depths = new Int32Array(trees.length);
  let next = 0;
  trees.forEach((tree, t) => {
    const root = next++;
    roots[t] = root;
    // queue of (source node, target slot, depth)
    const queue: [number, number, number][] = [[0, root, 0]];
    for (let q = 0; q < queue.length; q++) {
      const [source, target, depth] = queue[q]!;
      depths[t] = Math.max(depths[t]!, depth);
      const f = tree.feature[source]!;
      if (f < 0) {
        left[target] = target;
        value[target] = tree.value[source]!;
        continue;
      }
      const th = tree.threshold[source]!;
      column[target] = tree.missingLeft[source] === 1 ? cols + f : f;
      threshold[target] = th === Infinity ? Number.MAX_VALUE : th;
      left[target] = next;
      queue.push([tree.left[source]!, next, depth + 1], [tree.right[source]!, next + 1, depth + 1]);
      next += 2;
    }
  });
  return { cols, column, threshold, left, value, roots, depths };
}

/**
 * Copies rows [start, start + size) of column-major x into a row-major block of 2·cols slots per row: slot j holds
 * x(i, j) with NaN as +∞, slot cols + j the same with NaN as −∞; +∞ is stored as Number.MAX_VALUE in both (see
 * CompiledTrees). O(size · cols).
 */
export function fillRowBlock(x: Matrix, start: number, size: number, block: Float64Array): void {
  const { rows, cols, data } = x;
  const width = 2 * cols;
  for (let j = 0; j < cols; j++) {
    const offset = j * rows + start;
    for (let r = 0; r < size; r++) {
      const v = data[offset + r]!;
      const o = r * width + j;
      if (v !== v) {
        block[o] = Infinity;
        block[o + cols] = -Infinity;
      } else {
        const w = v === Infinity ? Number.MAX_VALUE : v;
        block[o] = w;
        block[o + cols] = w;
      }
    }
  }
}

/**
 * Adds every tree's output, in tree order, to out[start + r] for the rows r of a block filled by fillRowBlock, so the
 * sums are bit-identical to walking each row through the trees one by one (referenceRaw). Eight rows go through each
 * tree together: their walks are independent load chains the CPU overlaps, and the comparison becomes a flag, not a
 * branch (a branch on random rows mispredicts half the time). O(size · Σ depths).
 */
export function scoreBlock(trees: CompiledTrees, block: Float64Array, size: number, out: Float64Array, start: number): void {
  const { column: c, threshold: th, left: l, value, roots, depths } = trees;
  const width = 2 * trees.cols;
  const nTrees = roots.length;
  let r = 0;
  for (; r + 8 <= size; r += 8) {
    const o0 = r * width;
    const o1 = o0 + width;
    const o2 = o1 + width;
    const o3 = o2 + width;
    const o4 = o3 + width;
    const o5 = o4 + width;
    const o6 = o5 + width;
    const o7 = o6 + width;
    const i = start + r;
    let s0 = out[i]!;
    let s1 = out[i + 1]!;
    let s2 = out[i + 2]!;
    let s3 = out[i + 3]!;
    let s4 = out[i + 4]!;
    let s5 = out[i + 5]!;
    let s6 = out[i + 6]!;
    let s7 = out[i + 7]!;
    for (let t = 0; t < nTrees; t++) {
      let n0 = roots[t]!;
      let n1 = n0;
      let n2 = n0;
      let n3 = n0;
      let n4 = n0;
      let n5 = n0;
      let n6 = n0;
      let n7 = n0;
      for (let d = depths[t]!; d > 0; d--) {
        // Number(boolean) compiles to a flag-to-integer move; a ternary would become a mispredicted branch
        n0 = l[n0]! + Number(block[o0 + c[n0]!]! > th[n0]!);
        n1 = l[n1]! + Number(block[o1 + c[n1]!]! > th[n1]!);
        n2 = l[n2]! + Number(block[o2 + c[n2]!]! > th[n2]!);
        n3 = l[n3]! + Number(block[o3 + c[n3]!]! > th[n3]!);
        n4 = l[n4]! + Number(block[o4 + c[n4]!]! > th[n4]!);
        n5 = l[n5]! + Number(block[o5 + c[n5]!]! > th[n5]!);
        n6 = l[n6]! + Number(block[o6 + c[n6]!]! > th[n6]!);
        n7 = l[n7]! + Number(block[o7 + c[n7]!]! > th[n7]!);
      }
      s0 += value[n0]!;
      s1 += value[n1]!;
      s2 += value[n2]!;
      s3 += value[n3]!;
      s4 += value[n4]!;
      s5 += value[n5]!;
      s6 += value[n6]!;
      s7 += value[n7]!;
    }
    out[i] = s0;
    out[i + 1] = s1;
    out[i + 2] = s2;
    out[i + 3] = s3;
    out[i + 4] = s4;
    out[i + 5] = s5;
    out[i + 6] = s6;
    out[i + 7] = s7;
  }
  for (; r < size; r++) {
    const o = r * width;
    let s = out[start + r]!;
    for (let t = 0; t < nTrees; t++) {
      let n = roots[t]!;
      for (let d = depths[t]!; d > 0; d--) n = l[n]! + Number(block[o + c[n]!]! > th[n]!);
      s += value[n]!;
    }
    out[start + r] = s;
  }
}

/** Rows per block: 64 rows × 2 copies × 100 features of float64 is 100 KB, in L2 across all trees. */
export const SCORE_BLOCK = 64;

/** baseline + Σ tree outputs for rows [from, to) of x, written to out[from..to). O((to − from) · Σ depths). */
export function scoreRows(trees: CompiledTrees, baseline: number, x: Matrix, from: number, to: number, out: Float64Array): void {
  const block = new Float64Array(SCORE_BLOCK * 2 * x.cols);
  out.fill(baseline, from, to);
  for (let start = from; start < to; start += SCORE_BLOCK) {
    const size = Math.min(SCORE_BLOCK, to - start);
    fillRowBlock(x, start, size, block);
    scoreBlock(trees, block, size, out, start);
  }
}

/**
 * The plain evaluator: each row walks each tree from the root, x ≤ threshold left, NaN by missingLeft, and the leaf
 * values are added in tree order. The definition the fast path (scoreRows) is tested against. O(rows · Σ depths).
 */
export function referenceRaw(trees: readonly TreeArrays[], baseline: number, x: Matrix): Float64Array {
  const { rows, data } = x;
  const out = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    let sum = baseline;
    for (const tree of trees) {
      let node = 0;
      while (tree.feature[node]! >= 0) {
        const v = data[tree.feature[node]! * rows + i]!;
        const goLeft = v !== v ? tree.missingLeft[node] === 1 : v <= tree.threshold[node]!;
        node = goLeft ? tree.left[node]! : tree.right[node]!;
      }
      sum += tree.value[node]!;
    }
    out[i] = sum;
  }
  return out;
}
