import { readFileSync } from "node:fs";
import { GradientBoostingModel, type TreeArrays } from "../gradient-boosting-model.ts";
import type { Matrix } from "../../types.ts";

interface ReferenceNode {
  leaf: boolean;
  value: number;
  cover: number;
  feature: number;
  threshold: number;
  left: number;
  right: number;
  missing_left: boolean;
}

export interface TreeShapReference {
  base_score: number;
  expected_value: number;
  n_features: number;
  trees: { nodes: ReferenceNode[] }[];
  rows: (number | null)[][];
  raw_score: number[];
  shap: number[][];
}

/**
 * A committed copy of /work/shared/reference/treeshap.json: a scikit-learn 1.2.1 HistGradientBoostingClassifier
 * (4 trees, depth 3) as node lists, 9 rows (null = missing), their decision_function values and brute-force
 * path-dependent Shapley values.
 */
export const treeShapReference = JSON.parse(
  readFileSync(new URL("./treeshap.json", import.meta.url), "utf8"),
) as TreeShapReference;

/** The reference node lists as a GradientBoostingModel (leaves get feature −1; everything else is copied). */
export function referenceModel(reference: TreeShapReference): GradientBoostingModel {
  const trees = reference.trees.map(({ nodes }): TreeArrays => ({
    feature: Int32Array.from(nodes, (n) => (n.leaf ? -1 : n.feature)),
    threshold: Float64Array.from(nodes, (n) => (n.leaf ? 0 : n.threshold)),
    missingLeft: Uint8Array.from(nodes, (n) => (n.missing_left ? 1 : 0)),
    left: Int32Array.from(nodes, (n) => (n.leaf ? -1 : n.left)),
    right: Int32Array.from(nodes, (n) => (n.leaf ? -1 : n.right)),
    value: Float64Array.from(nodes, (n) => (n.leaf ? n.value : 0)),
    cover: Float64Array.from(nodes, (n) => n.cover),
  }));
  return new GradientBoostingModel(reference.base_score, reference.n_features, trees);
}

/** The reference rows as a column-major matrix, null → NaN. */
export function referenceRows(reference: TreeShapReference): Matrix {
  const rows = reference.rows.length;
  const cols = reference.n_features;
  const data = new Float64Array(rows * cols);
  reference.rows.forEach((row, i) => row.forEach((v, j) => (data[j * rows + i] = v === null ? Number.NaN : v)));
  return { rows, cols, data };
}
