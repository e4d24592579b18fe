import { sigmoid } from "../linear/sigmoid.ts";
import type { BinaryClassifier, Matrix, ModelJson } from "../types.ts";
import { defaultThreads } from "./default-threads.ts";
import { PARALLEL_MIN_ROWS, type ScoringTrees, scoreRowsInParallel } from "./score-threads.ts";
import { compilable, compileTrees, referenceRaw, scoreRows } from "./score-trees.ts";
import { compileWasmTrees, instantiateScorer, scoreRowsWasm, type WasmScorer } from "./score-wasm.ts";

/**
 * One regression tree as flat arrays; node 0 is the root. A split sends x left when x[feature] ≤ threshold, and a
 * missing x[feature] (NaN) left when missingLeft is 1. feature −1 marks a leaf; `value` is the leaf output
 * (learning rate included); `cover` is the training rows that reached the node (TreeSHAP's weights).
 */
export interface TreeArrays {
  feature: Int32Array;
  threshold: Float64Array;
  missingLeft: Uint8Array;
  left: Int32Array;
  right: Int32Array;
  value: Float64Array;
  cover: Float64Array;
}

/** Hyper-parameters, in scikit-learn's HistGradientBoostingClassifier names. */
export interface GradientBoostingParams {
  learning_rate: number;
  max_iter: number;
  max_leaf_nodes: number | null;
  max_depth: number | null;
  min_samples_leaf: number;
  l2_regularization: number;
  max_bins: number;
  early_stopping: boolean;
  validation_fraction: number | null;
  n_iter_no_change: number;
  tol: number;
  random_state: number;
}

/** How the fit went: mean log losses after each iteration (index 0 = the baseline, as sklearn's train_score_). */
export interface GradientBoostingDiagnostics {
  n_iter: number;
  train_loss: number[];
  validation_loss: number[] | null;
  train_rows: number;
  validation_rows: number;
}

/**
 * A tree in the artifact: plain number arrays. JSON has no ±∞ or NaN, so a threshold of +∞ (split "non-missing
 * left") is written as null, as artifacts always have, and −∞ and NaN as the strings "-Infinity" and "NaN"
 * (JSON.stringify would turn them into null too, and they would come back as +∞).
 */
export interface TreeJson {
  feature: number[];
  threshold: (number | null | "-Infinity" | "NaN")[];
  missing_left: number[];
  left: number[];
  right: number[];
  value: number[];
  cover: number[];
}

export interface GradientBoostingJson extends ModelJson {
  family: "gradient-boosting";
  baseline: number;
  n_features: number;
  trees: TreeJson[];
  featureNames?: string[];
  params?: GradientBoostingParams;
  diagnostics?: GradientBoostingDiagnostics;
}

/**
 * A fitted gradient-boosted tree ensemble for binary log loss: raw = baseline + Σ tree outputs (the log-odds, sklearn's
 * `decision_function`), probability = sigmoid(raw). Trees split on raw feature values, so scoring needs only the
 * JSON. Immutable.
 */
export class GradientBoostingModel implements BinaryClassifier {
  readonly family = "gradient-boosting";
  /** null: neither fast layout holds these trees (deep and with a NaN or MAX_VALUE threshold); the plain walk scores */
  private readonly scoring: ScoringTrees | null;
  /** the kernel instance with this model's trees in its memory, made on the first call to raw */
  private scorer: WasmScorer | null = null;

  constructor(
    readonly baseline: number,
    readonly nFeatures: number,
    readonly trees: readonly TreeArrays[],
    readonly params?: GradientBoostingParams,
    readonly diagnostics?: GradientBoostingDiagnostics,
    readonly featureNames?: readonly string[],
  ) {
    if (featureNames && featureNames.length !== nFeatures) {
      throw new RangeError(`GradientBoostingModel: ${featureNames.length} feature names for ${nFeatures} features`);
    }
    for (const tree of trees) checkTree(tree, nFeatures);
    const wasmTrees = typeof WebAssembly === "object" ? compileWasmTrees(trees, nFeatures) : null;
    if (wasmTrees) this.scoring = { kind: "wasm", trees: wasmTrees };
    else this.scoring = compilable(trees) ? { kind: "js", trees: compileTrees(trees, nFeatures) } : null;
  }

  /**
   * Margins, one per row. Rows are copied block by block into the WebAssembly kernel's memory and walked through
   * complete-tree layouts without branches (score-wasm.ts); a model with a tree deeper than WASM_MAX_DEPTH goes
   * through the typed-array layout instead (score-trees.ts), or, when that cannot hold one of its thresholds, through
   * the plain walk. Either way the sums equal referenceRaw's bit for bit.
   * O(rows · Σ tree depths).
   *
   * @param threads 1, or 2: from PARALLEL_MIN_ROWS rows on a helper thread scores half of them (score-threads.ts),
   *   with the same results. Default: 2 when a core is free (defaultThreads()).
   */
  raw(x: Matrix, threads?: number): Float64Array {
    if (x.cols !== this.nFeatures) {
      throw new RangeError(`GradientBoostingModel.raw: x has ${x.cols} columns but the model has ${this.nFeatures} features`);
    }
    const { scoring, baseline } = this;
    if (!scoring) return referenceRaw(this.trees, baseline, x);
    const out = new Float64Array(x.rows);
    let scoreHere: (from: number, to: number) => void;
    if (scoring.kind === "wasm") {
      const scorer = (this.scorer ??= instantiateScorer(scoring.trees));
      scoreHere = (from, to) => scoreRowsWasm(scorer, baseline, x, from, to, out);
    } else scoreHere = (from, to) => scoreRows(scoring.trees, baseline, x, from, to, out);
    if (x.rows >= PARALLEL_MIN_ROWS && (threads ?? defaultThreads()) > 1) scoreRowsInParallel(scoring, baseline, x, out, scoreHere);
    else scoreHere(0, x.rows);
    return out;
  }

  probability(x: Matrix): Float64Array {
    const z = this.raw(x);
    for (let i = 0; i < z.length; i++) z[i] = sigmoid(z[i]!);
    return z;
  }

  toJSON(): GradientBoostingJson {
    return {
      family: this.family,
      baseline: this.baseline,
      n_features: this.nFeatures,
      trees: this.trees.map((t) => ({
        feature: Array.from(t.feature),
        threshold: Array.from(t.threshold, thresholdToJson),
        missing_left: Array.from(t.missingLeft),
        left: Array.from(t.left),
        right: Array.from(t.right),
        value: Array.from(t.value),
        cover: Array.from(t.cover),
      })),
      ...(this.featureNames ? { featureNames: [...this.featureNames] } : {}),
      ...(this.params ? { params: this.params } : {}),
      ...(this.diagnostics ? { diagnostics: this.diagnostics } : {}),
    };
  }

  /** @throws RangeError for another family or a malformed tree (bad child index, unknown feature) */
  static fromJSON(json: ModelJson): GradientBoostingModel {
    if (json.family !== "gradient-boosting") {
      throw new RangeError(`GradientBoostingModel.fromJSON: family is "${json.family}", expected "gradient-boosting"`);
    }
    const { baseline, n_features: nFeatures, trees } = json;
    if (typeof baseline !== "number" || typeof nFeatures !== "number" || !Array.isArray(trees)) {
      throw new RangeError("GradientBoostingModel.fromJSON: baseline and n_features must be numbers, trees an array");
    }
    const parsed = trees.map((t: TreeJson, k: number): TreeArrays => {
      const numbers = (name: Exclude<keyof TreeJson, "threshold">): number[] => {
        const list = t?.[name];
        if (!Array.isArray(list) || !list.every((v) => typeof v === "number")) {
          throw new RangeError(`GradientBoostingModel.fromJSON: trees[${k}].${name} must be an array of numbers`);
        }
        return list;
      };
      const thresholds = t?.threshold;
      if (!Array.isArray(thresholds)) throw new RangeError(`GradientBoostingModel.fromJSON: trees[${k}].threshold must be an array`);
      return {
        feature: Int32Array.from(numbers("feature")),
        threshold: Float64Array.from(thresholds, (v, node) => thresholdFromJson(v, k, node)),
        missingLeft: Uint8Array.from(numbers("missing_left")),
        left: Int32Array.from(numbers("left")),
        right: Int32Array.from(numbers("right")),
        value: Float64Array.from(numbers("value")),
        cover: Float64Array.from(numbers("cover")),
      };
    });
    const j = json as GradientBoostingJson; // the optional fields are written only by toJSON
    return new GradientBoostingModel(baseline, nFeatures, parsed, j.params, j.diagnostics, j.featureNames);
  }
}

function thresholdToJson(v: number): number | null | "-Infinity" | "NaN" {
  if (v === Infinity) return null;
  if (v === -Infinity) return "-Infinity";
  return v !== v ? "NaN" : v;
}

/** @throws RangeError naming the tree and node for anything but a number, null, "Infinity", "-Infinity" or "NaN" */
function thresholdFromJson(v: unknown, tree: number, node: number): number {
  if (typeof v === "number") return v;
  if (v === null || v === "Infinity") return Infinity;
  if (v === "-Infinity") return -Infinity;
  if (v === "NaN") return Number.NaN;
  throw new RangeError(`GradientBoostingModel.fromJSON: trees[${tree}].threshold[${node}] is ${JSON.stringify(v)}; expected a number, null (+∞), "-Infinity" or "NaN"`);
}

/** Rejects trees whose walk could leave the arrays or loop: children must come after their parent. */
function checkTree(tree: TreeArrays, nFeatures: number): void {
  const n = tree.feature.length;
  const lengths = [tree.threshold, tree.missingLeft, tree.left, tree.right, tree.value, tree.cover].map((a) => a.length);
  if (n === 0 || lengths.some((l) => l !== n)) {
    throw new RangeError(`GradientBoostingModel: a tree's arrays must be non-empty and of equal length (${n}, ${lengths})`);
  }
  for (let k = 0; k < n; k++) {
    const f = tree.feature[k]!;
    if (f < 0) continue;
    const l = tree.left[k]!;
    const r = tree.right[k]!;
    if (f >= nFeatures || !(l > k && l < n) || !(r > k && r < n)) {
      throw new RangeError(`GradientBoostingModel: node ${k} has feature ${f} and children ${l}, ${r}; out of range`);
    }
  }
}
