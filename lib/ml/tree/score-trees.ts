import type { TreeArrays } from "./gradient-boosting-model.ts";

/**
 * All trees of an ensemble in one branch-free scoring layout: every internal node's children are adjacent (right =
 * left + 1) and a leaf is its own left child with threshold +∞, so one step is
 *   node ← left[node] + (x[feature[node]] > threshold[node] | (x is NaN & missingRight[node]))
 * and a row that reached a leaf stays there. Walking each tree exactly `depth` steps for a block of rows at a time
 * has no data-dependent branch to mispredict (the cost of the usual while-loop walk on random rows) and lets the CPU
 * overlap the rows' independent load chains.
 */
export interface CompiledTrees {
  feature: Int32Array;
  threshold: Float64Array;
  missingRight: Uint8Array;
  left: Int32Array;
  value: Float64Array;
  roots: Int32Array;
  depths: Int32Array;
}

/** Lays the trees out breadth-first with sibling pairs adjacent (see CompiledTrees). O(total nodes). */
export function compileTrees(trees: readonly TreeArrays[]): CompiledTrees {
  const total = trees.reduce((sum, t) => sum + t.feature.length, 0);
  const feature = new Int32Array(total);
  const threshold = new Float64Array(total).fill(Infinity);
  const missingRight = new Uint8Array(total);
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
      feature[target] = f;
      threshold[target] = tree.threshold[source]!;
      missingRight[target] = tree.missingLeft[source] === 1 ? 0 : 1;
      left[target] = next;
      queue.push([tree.left[source]!, next, depth + 1], [tree.right[source]!, next + 1, depth + 1]);
      next += 2;
    }
  });
  return { feature, threshold, missingRight, left, value, roots, depths };
}

/**
 * Adds every tree's output for rows [0, size) of a row-major block (row r, feature f at r·cols + f) to out[start + r].
 * O(size · Σ depths).
 */
export function scoreBlock(
  trees: CompiledTrees,
  block: Float64Array,
  cols: number,
  size: number,
  nodes: Int32Array,
  out: Float64Array,
  start: number,
): void {
  const { feature, threshold, missingRight, left, value, roots, depths } = trees;
  for (let t = 0; t < roots.length; t++) {
    nodes.fill(roots[t]!, 0, size);
    const depth = depths[t]!;
    for (let d = 0; d < depth; d++) {
      for (let r = 0; r < size; r++) {
        const node = nodes[r]!;
        const v = block[r * cols + feature[node]!]!;
        // Number(boolean) compiles to a flag-to-integer move; a ternary here becomes a branch that mispredicts half the
        // time (measured 1.6 ns vs 15 ns per step on random data, Node 20)
        nodes[r] = left[node]! + (Number(v > threshold[node]!) | (Number(v !== v) & missingRight[node]!));
      }
    }
    for (let r = 0; r < size; r++) out[start + r] += value[nodes[r]!]!;
  }
}
