import { findBestSplit, HIST_STRIDE, type SplitConstraints, type SplitInfo } from "./find-best-split.ts";
import { buildHistogramRange, gatherGradients, subtractHistogram } from "./histogram.ts";

/** A tree over bins, as grown: node 0 is the root, children after their parent; feature −1 marks a leaf. */
export interface BinnedTree {
  feature: Int32Array;
  /** rows with bin ≤ bin go left */
  bin: Int32Array;
  missingLeft: Uint8Array;
  left: Int32Array;
  right: Int32Array;
  /** leaf value, learning rate included (0 on internal nodes) */
  value: Float64Array;
  /** training rows that reached the node */
  count: Float64Array;
}

/** Growth limits of one tree. */
export interface GrowOptions extends SplitConstraints {
  /** deepest leaf depth (root = 0); Infinity for none (sklearn `max_depth=None`) */
  maxDepth: number;
  /** most leaves (sklearn `max_leaf_nodes`) */
  maxLeafNodes: number;
  learningRate: number;
}

/**
 * Fills `hist` (every feature) for the node rows[start..end) of the workspace; `root` when that is all rows in
 * order (rows[k] = k). One thread (serialHistograms) or split by features across threads (histogram-threads.ts).
 */
export type HistogramBuilder = (hist: Float64Array, start: number, end: number, root: boolean) => void;

/** Buffers reused from tree to tree, so growing allocates almost nothing. */
export interface GrowWorkspace {
  /** the rows of every node, each node a contiguous slice */
  rows: Uint32Array;
  spare: Uint32Array;
  /** per-row (gradient, hessian) pairs, interleaved: filled by the caller before each tree */
  gradHess: Float64Array;
  /** a node's (gradient, hessian) pairs in its row order */
  ordered: Float64Array;
  histograms: Float64Array[];
  buildHistogram: HistogramBuilder;
}

/** The binned training data and what the splitter needs to know about its bins. */
export interface BinnedData {
  binned: Uint8Array;
  n: number;
  features: number;
  binsPerFeature: number;
  binCounts: ArrayLike<number>;
  hasMissing: ArrayLike<number>;
}

interface GrowingNode {
  id: number;
  start: number;
  end: number;
  depth: number;
  gradient: number;
  hessian: number;
  hist: Float64Array | null;
  split: SplitInfo | null;
}

/**
 * The workspace of a fit, its buffers allocated by `alloc` (SharedArrayBuffer-backed when worker threads read them).
 * `histograms` null builds histograms on this thread.
 */
export function growWorkspace(
  data: BinnedData,
  alloc: AllocateBuffer = (bytes) => new ArrayBuffer(bytes),
  histograms: ((work: GrowWorkspace) => HistogramBuilder) | null = null,
): GrowWorkspace {
  const work: GrowWorkspace = {
    rows: new Uint32Array(alloc(4 * data.n)),
    spare: new Uint32Array(data.n),
    gradHess: new Float64Array(alloc(16 * data.n)),
    ordered: new Float64Array(alloc(16 * data.n)),
    histograms: [],
    buildHistogram: () => {},
  };
  work.buildHistogram = histograms ? histograms(work) : serialHistograms(data, work);
  return work;
}

/** Allocates the backing store of a typed array. */
export type AllocateBuffer = (bytes: number) => ArrayBufferLike;

/** Every feature's histogram on this thread. */
export function serialHistograms(data: BinnedData, work: GrowWorkspace): HistogramBuilder {
  const { binned, n, features, binsPerFeature } = data;
  return (hist, start, end, root) => {
    let ordered = work.gradHess;
    if (!root) {
      gatherGradients(work.rows, start, end, work.gradHess, work.ordered);
      ordered = work.ordered;
    }
    buildHistogramRange(hist, binned, n, binsPerFeature, work.rows, start, end, ordered, 0, features);
  };
}

/**
 * Grows one regression tree on the gradients/hessians in work.gradHess, best-first (leaf-wise): the splittable leaf
 * with the largest gain is split next, until max_leaf_nodes leaves exist or no leaf can be split (depth,
 * min_samples_leaf, no positive gain). The rows of a node are a contiguous slice of one index array, partitioned stably at each split. Only the
 * smaller child's histogram is built; the larger one is the parent's minus it. Leaf value = −lr · G / (H + λ), and it
 * is added to `raw` for the leaf's training rows (the boosting update, without re-predicting).
 *
 * Reference: scikit-learn `grower.py` (`TreeGrower.split_next`, `_finalize_leaf`, `_compute_histograms_brute`/
 * subtraction); Ke et al. (2017) LightGBM leaf-wise growth.
 *
 * O(rows · features · depth) for the histograms plus O(leaves · features · bins) for the splits.
 */
export function growTree(
  data: BinnedData,
  raw: Float64Array,
  options: GrowOptions,
  work: GrowWorkspace,
): BinnedTree {
  const { binned, n, features, binsPerFeature, binCounts, hasMissing } = data;
  const gradHess = work.gradHess;
  const { maxDepth, maxLeafNodes, minSamplesLeaf, l2, learningRate } = options;
  const histSize = features * binsPerFeature * HIST_STRIDE;
  const takeHist = () => work.histograms.pop() ?? new Float64Array(histSize);
  const release = (node: GrowingNode) => {
    if (node.hist) work.histograms.push(node.hist);
    node.hist = null;
  };
  const rows = work.rows;
  for (let i = 0; i < n; i++) rows[i] = i;

  const nodes: GrowingNode[] = [];
  const feature: number[] = [];
  const bin: number[] = [];
  const missingLeft: number[] = [];
  const left: number[] = [];
  const right: number[] = [];
  const value: number[] = [];
  const count: number[] = [];
  const addNode = (start: number, end: number, depth: number, gradient: number, hessian: number): GrowingNode => {
    const node: GrowingNode = { id: nodes.length, start, end, depth, gradient, hessian, hist: null, split: null };
    nodes.push(node);
    feature.push(-1);
    bin.push(0);
    missingLeft.push(0);
    left.push(-1);
    right.push(-1);
    value.push(0);
    count.push(end - start);
    return node;
  };
  const finalizeLeaf = (node: GrowingNode) => {
    release(node);
    const v = (-learningRate * node.gradient) / (node.hessian + l2 + 1e-15);
    value[node.id] = v;
    for (let k = node.start; k < node.end; k++) raw[rows[k]!] += v;
  };
  const findSplit = (node: GrowingNode) => {
    node.split = findBestSplit(node.hist!, binsPerFeature, binCounts, hasMissing, node.gradient, node.hessian,
      node.end - node.start, options);
  };
  const build = (node: GrowingNode) => {
    node.hist = takeHist();
    work.buildHistogram(node.hist, node.start, node.end, node.start === 0 && node.end === n);
  };

  let gradient = 0;
  let hessian = 0;
  for (let i = 0; i < n; i++) {
    gradient += gradHess[2 * i]!;
    hessian += gradHess[2 * i + 1]!;
  }
  const root = addNode(0, n, 0, gradient, hessian);
  const splittable: GrowingNode[] = [];
  if (maxDepth > 0 && n >= 2 * minSamplesLeaf && maxLeafNodes > 1) {
    build(root);
    findSplit(root);
  }
  if (root.split) splittable.push(root);
  else finalizeLeaf(root);
  let leaves = 1;

  while (splittable.length > 0) {
    let pick = 0;
    for (let k = 1; k < splittable.length; k++) if (splittable[k]!.split!.gain > splittable[pick]!.split!.gain) pick = k;
    const node = splittable.splice(pick, 1)[0]!;
    const split = node.split!;
    const middle = partition(binned, n, rows, work.spare, node.start, node.end, split, binsPerFeature - 1);
    feature[node.id] = split.feature;
    bin[node.id] = split.bin;
    missingLeft[node.id] = split.missingLeft ? 1 : 0;
    const depth = node.depth + 1;
    const l = addNode(node.start, middle, depth, split.gradientLeft, split.hessianLeft);
    const r = addNode(middle, node.end, depth, node.gradient - split.gradientLeft, node.hessian - split.hessianLeft);
    left[node.id] = l.id;
    right[node.id] = r.id;
    leaves++;
    const canSplit = (child: GrowingNode) =>
      leaves < maxLeafNodes && depth < maxDepth && child.end - child.start >= 2 * minSamplesLeaf;
    const children = [l, r].filter(canSplit);
    if (children.length > 0) {
      const [small, large] = l.end - l.start <= r.end - r.start ? [l, r] : [r, l];
      build(small);
      large.hist = takeHist();
      subtractHistogram(large.hist, node.hist!, small.hist!, binsPerFeature, binCounts);
    }
    release(node);
    for (const child of [l, r]) {
      if (children.includes(child)) findSplit(child);
      if (child.split) splittable.push(child);
      else finalizeLeaf(child);
    }
    if (leaves >= maxLeafNodes) {
      for (const rest of splittable) finalizeLeaf(rest);
      splittable.length = 0;
    }
  }
  return {
    feature: Int32Array.from(feature),
    bin: Int32Array.from(bin),
    missingLeft: Uint8Array.from(missingLeft),
    left: Int32Array.from(left),
    right: Int32Array.from(right),
    value: Float64Array.from(value),
    count: Float64Array.from(count),
  };
}

/** Stable partition of rows[start..end) by a split; returns the first index of the right child. */
function partition(
  binned: Uint8Array,
  n: number,
  rows: Uint32Array,
  spare: Uint32Array,
  start: number,
  end: number,
  split: SplitInfo,
  missingBin: number,
): number {
  const col = split.feature * n;
  const threshold = split.bin;
  const missingLeft = split.missingLeft;
  let l = start;
  let r = 0;
  for (let k = start; k < end; k++) {
    const row = rows[k]!;
    const b = binned[col + row]!;
    if (b <= threshold || (missingLeft && b === missingBin)) rows[l++] = row;
    else spare[r++] = row;
  }
  rows.set(spare.subarray(0, r), l);
  return l;
}
