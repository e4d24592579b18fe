import { softplus } from "../linear/sigmoid.ts";
import { stratifiedSplit } from "../split/stratified-split.ts";
import type { Matrix } from "../types.ts";
import { type BinMapper, fitBinMapper } from "./bin-mapper.ts";
import { type BinnedData, type BinnedTree, growTree, growWorkspace } from "./grow-tree.ts";
import { type GradientBoostingParams, GradientBoostingModel, type TreeArrays } from "./gradient-boosting-model.ts";
import { defaultThreads } from "./default-threads.ts";
import { histogramTeam, PARALLEL_MIN_UPDATES } from "./histogram-threads.ts";

/** Options of fitGradientBoosting; defaults are scikit-learn 1.2's HistGradientBoostingClassifier defaults. */
export interface GradientBoostingOptions {
  learningRate?: number;
  /** boosting iterations = trees (default 100) */
  maxIter?: number;
  /** null = no limit (default 31) */
  maxLeafNodes?: number | null;
  /** deepest leaf, root = 0; null = no limit (default null) */
  maxDepth?: number | null;
  minSamplesLeaf?: number;
  l2Regularization?: number;
  /** non-missing bins per feature, ≤ 255 */
  maxBins?: number;
  /** "auto" (default): on when there are more than 10,000 rows, as sklearn */
  earlyStopping?: boolean | "auto";
  /** share of rows held out (stratified) for early stopping when `validation` is not given (default 0.1) */
  validationFraction?: number;
  /** an explicit validation set for early stopping; then every row of x trains */
  validation?: { x: Matrix; y: Uint8Array };
  /** stop when none of the last nIterNoChange iterations improved the validation loss by more than tol */
  nIterNoChange?: number;
  tol?: number;
  /** seeds the validation split and the binning subsample */
  seed?: number;
  featureNames?: readonly string[];
  /**
   * threads building histograms: 1, or 2 to split large nodes' histograms with a worker thread
   * (histogram-threads.ts); the trees are the same either way. Default: 2 when a core is free (defaultThreads()).
   */
  threads?: number;
}

/** sklearn's `min_hessian_to_split`. */
const MIN_HESSIAN = 1e-3;

/**
 * Histogram gradient boosting for binary log loss. raw₀ = log(p̄ / (1 − p̄)) (the log-odds of the mean label); each
 * iteration takes the log-loss gradient g = σ(raw) − y and hessian h = σ(raw)(1 − σ(raw)) per row, grows one tree on
 * the binned features (grow-tree.ts) and adds its leaf values (−lr · G/(H + λ)) to raw. With early stopping the mean
 * log loss of a validation slice is tracked and fitting stops as sklearn's `_should_stop` does (no improvement > tol
 * over the reference n_iter_no_change iterations back); the trees grown so far are kept.
 *
 * Reference: scikit-learn 1.2 `sklearn/ensemble/_hist_gradient_boosting/gradient_boosting.py`
 * (`BaseHistGradientBoosting.fit`), Friedman (2001) "Greedy function approximation", Ke et al. (2017) LightGBM.
 *
 * O(maxIter · rows · features · depth).
 *
 * @param x training features, column-major, NaN = missing
 * @param y 0/1 labels
 * @throws RangeError on mismatched lengths, labels other than 0/1, or invalid parameters
 */
export function fitGradientBoosting(x: Matrix, y: Uint8Array, options: GradientBoostingOptions = {}): GradientBoostingModel {
  const params = resolveParams(x, options);
  if (y.length !== x.rows) throw new RangeError(`fitGradientBoosting: x has ${x.rows} rows but y has ${y.length} labels`);
  let trainX = x;
  let trainY = y;
  let validation = options.validation ?? null;
  if (params.early_stopping && !validation) {
    const split = stratifiedSplit(y, { testShare: params.validation_fraction ?? 0.1, seed: params.random_state });
    trainX = takeRows(x, split.train);
    trainY = pick(y, split.train);
    validation = { x: takeRows(x, split.test), y: pick(y, split.test) };
  }
  if (!params.early_stopping) validation = null;

  const mapper = fitBinMapper(trainX, { maxBins: params.max_bins, seed: params.random_state });
  const n = trainX.rows;
  // below PARALLEL_MIN_UPDATES even the root is built on this thread: no helper to start
  const threads = n * x.cols < PARALLEL_MIN_UPDATES ? 1 : (options.threads ?? defaultThreads());
  // With a helper thread the bins go straight into the memory it shares: binned privately and then copied, the
  // training bins (rows × features bytes, 73 MB at 10× the e-learning sample) were held twice for the whole fit.
  const data = binnedData(mapper, trainX, threads > 1 ? new Uint8Array(new SharedArrayBuffer(n * x.cols)) : undefined);
  let positives = 0;
  for (let i = 0; i < n; i++) {
    if (trainY[i] !== 0 && trainY[i] !== 1) throw new RangeError(`fitGradientBoosting: y[${i}] = ${trainY[i]}; labels must be 0 or 1`);
    positives += trainY[i]!;
  }
  const mean = Math.min(Math.max(positives / n, 1e-15), 1 - 1e-15);
  const baseline = Math.log(mean / (1 - mean));
  const raw = new Float64Array(n).fill(baseline);
  const validationBinned = validation ? mapper.binData(validation.x) : null;
  const validationRaw = validation ? new Float64Array(validation.x.rows).fill(baseline) : null;
  const trainLoss = [meanLogLoss(raw, trainY)];
  const validationLoss = validation ? [meanLogLoss(validationRaw!, validation.y)] : null;

  const grow = {
    maxDepth: params.max_depth ?? Infinity,
    maxLeafNodes: params.max_leaf_nodes ?? Infinity,
    minSamplesLeaf: params.min_samples_leaf,
    minHessian: MIN_HESSIAN,
    l2: params.l2_regularization,
    learningRate: params.learning_rate,
  };
  const trees: TreeArrays[] = [];
  const team = threads > 1 ? histogramTeam(data) : null;
  const grownOn = team?.data ?? data; // the same bins, in shared memory when a helper thread reads them
  const work = team?.work ?? growWorkspace(data);
  const gradHess = work.gradHess;
  try {
    for (let iteration = 0; iteration < params.max_iter; iteration++) {
      // gradients of the current margins, and their log loss (of the previous tree) from the same exponential
      if (iteration > 0) trainLoss.push(gradientsAndLoss(raw, trainY, gradHess));
      else gradientsAndLoss(raw, trainY, gradHess);
      const tree = growTree(grownOn, raw, grow, work);
      trees.push(rawThresholdTree(tree, mapper));
      if (validation && validationLoss) {
        addBinnedTree(tree, validationBinned!, validation.x.rows, mapper.missingBin, validationRaw!);
        validationLoss.push(meanLogLoss(validationRaw!, validation.y));
        if (shouldStop(validationLoss, params.n_iter_no_change, params.tol)) break;
      }
    }
    trainLoss.push(meanLogLoss(raw, trainY));
  } finally {
    team?.close();
  }
  const diagnostics = {
    n_iter: trees.length,
    train_loss: trainLoss,
    validation_loss: validationLoss,
    train_rows: n,
    validation_rows: validation ? validation.x.rows : 0,
  };
  return new GradientBoostingModel(baseline, x.cols, trees, params, diagnostics, options.featureNames);
}

function resolveParams(x: Matrix, o: GradientBoostingOptions): GradientBoostingParams {
  const params: GradientBoostingParams = {
    learning_rate: o.learningRate ?? 0.1,
    max_iter: o.maxIter ?? 100,
    max_leaf_nodes: o.maxLeafNodes === undefined ? 31 : o.maxLeafNodes,
    max_depth: o.maxDepth ?? null,
    min_samples_leaf: o.minSamplesLeaf ?? 20,
    l2_regularization: o.l2Regularization ?? 0,
    max_bins: o.maxBins ?? 255,
    early_stopping: o.earlyStopping === undefined || o.earlyStopping === "auto" ? x.rows > 10_000 : o.earlyStopping,
    validation_fraction: o.validation ? null : (o.validationFraction ?? 0.1),
    n_iter_no_change: o.nIterNoChange ?? 10,
    tol: o.tol ?? 1e-7,
    random_state: o.seed ?? 0,
  };
  const positive = (name: string, v: number | null, min: number) => {
    if (v !== null && !(v >= min)) throw new RangeError(`fitGradientBoosting: ${name} = ${v}; need ≥ ${min}`);
  };
  if (!(params.learning_rate > 0)) throw new RangeError(`fitGradientBoosting: learning_rate = ${params.learning_rate}; need > 0`);
  positive("max_iter", params.max_iter, 1);
  positive("max_leaf_nodes", params.max_leaf_nodes, 2);
  positive("max_depth", params.max_depth, 1);
  positive("min_samples_leaf", params.min_samples_leaf, 1);
  positive("l2_regularization", params.l2_regularization, 0);
  positive("n_iter_no_change", params.n_iter_no_change, 1);
  return params;
}

/** sklearn `_should_stop` on losses (lower is better): stop unless one of the last n beat the loss n + 1 back by tol. */
export function shouldStop(losses: readonly number[], nIterNoChange: number, tol: number): boolean {
  const reference = nIterNoChange + 1;
  if (losses.length < reference) return false;
  const referenceLoss = losses[losses.length - reference]! - tol;
  for (let k = losses.length - reference + 1; k < losses.length; k++) if (losses[k]! < referenceLoss) return false;
  return true;
}

function binnedData(mapper: BinMapper, x: Matrix, out?: Uint8Array): BinnedData {
  const binCounts = new Int32Array(x.cols);
  for (let j = 0; j < x.cols; j++) binCounts[j] = mapper.binCount(j);
  return {
    binned: mapper.binData(x, out),
    n: x.rows,
    features: x.cols,
    binsPerFeature: mapper.maxBins + 1,
    binCounts,
    hasMissing: mapper.hasMissing,
  };
}

/** The grown tree with bin thresholds replaced by raw-value edges (+∞ for "every non-missing value left"). */
function rawThresholdTree(tree: BinnedTree, mapper: BinMapper): TreeArrays {
  const threshold = new Float64Array(tree.feature.length);
  for (let k = 0; k < threshold.length; k++) {
    const f = tree.feature[k]!;
    if (f < 0) continue;
    const edges = mapper.thresholds[f]!;
    threshold[k] = tree.bin[k]! < edges.length ? edges[tree.bin[k]!]! : Infinity;
  }
  return {
    feature: tree.feature,
    threshold,
    missingLeft: tree.missingLeft,
    left: tree.left,
    right: tree.right,
    value: tree.value,
    cover: tree.count,
  };
}

function addBinnedTree(tree: BinnedTree, binned: Uint8Array, rows: number, missingBin: number, raw: Float64Array): void {
  const { feature, bin, missingLeft, left, right, value } = tree;
  for (let i = 0; i < rows; i++) {
    let node = 0;
    let f = feature[0]!;
    while (f >= 0) {
      const b = binned[f * rows + i]!;
      node = b <= bin[node]! || (b === missingBin && missingLeft[node] === 1) ? left[node]! : right[node]!;
      f = feature[node]!;
    }
    raw[i] += value[node]!;
  }
}

/** Mean log loss of margins: softplus(z) − y·z per row, stable for any z. */
function meanLogLoss(raw: Float64Array, y: Uint8Array): number {
  let sum = 0;
  for (let i = 0; i < raw.length; i++) sum += softplus(raw[i]!) - y[i]! * raw[i]!;
  return sum / raw.length;
}

/**
 * Per row p = σ(z), gradient p − y and hessian p(1 − p) into gradHess, and returns the mean log loss of the margins;
 * one e^(−|z|) serves both (σ as sigmoid() computes it, the loss as softplus(z) − y·z), so the values equal
 * sigmoid() and meanLogLoss() bit for bit.
 */
function gradientsAndLoss(raw: Float64Array, y: Uint8Array, gradHess: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < raw.length; i++) {
    const z = raw[i]!;
    const e = Math.exp(-Math.abs(z));
    const p = z >= 0 ? 1 / (1 + e) : e / (1 + e);
    gradHess[2 * i] = p - y[i]!;
    gradHess[2 * i + 1] = p * (1 - p);
    sum += (z > 0 ? z : 0) + Math.log1p(e) - y[i]! * z;
  }
  return sum / raw.length;
}

function takeRows(x: Matrix, rows: Uint32Array): Matrix {
  const data = new Float64Array(rows.length * x.cols);
  for (let j = 0; j < x.cols; j++) {
    const from = j * x.rows;
    const to = j * rows.length;
    for (let k = 0; k < rows.length; k++) data[to + k] = x.data[from + rows[k]!]!;
  }
  return { rows: rows.length, cols: x.cols, data };
}

function pick(y: Uint8Array, rows: Uint32Array): Uint8Array {
  const out = new Uint8Array(rows.length);
  for (let k = 0; k < rows.length; k++) out[k] = y[rows[k]!]!;
  return out;
}
