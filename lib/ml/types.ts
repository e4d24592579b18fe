// Shared shapes of lib/ml. Everything is column-major typed arrays: Postgres hands each feature column over as one
// Float64Array, preprocessing stacks them, and solvers walk columns (coordinate descent, X^T r) without transposing.

/** Kind of an input feature as the feature SQL declares it. */
export type FeatureKind = "numeric" | "categorical" | "date" | "boolean";

/** One input column before preprocessing. Missing values: NaN for numbers, null for categories. */
export type RawColumn =
  | { name: string; kind: "numeric" | "boolean"; values: Float64Array }
  /** dates as days since 1970-01-01 (NaN when missing); preprocessing turns them into an age at `asOf` */
  | { name: string; kind: "date"; values: Float64Array }
  | { name: string; kind: "categorical"; values: readonly (string | null)[] };

/** A training or scoring frame: raw columns plus, for training, the 0/1 label. */
export interface RawFrame {
  rows: number;
  columns: RawColumn[];
  /** 0/1 labels (training only) */
  labels?: Uint8Array;
  /** entity ids, aligned with rows (kept as text: ids are never features) */
  entityIds?: readonly string[];
  /** as-of date of each row in days since epoch (panel data), used by the time split and date ages */
  asOf?: Float64Array;
}

/** A dense design matrix, column-major: value (i, j) is data[j * rows + i]. */
export interface Matrix {
  rows: number;
  cols: number;
  data: Float64Array;
}

/** Where a design-matrix column came from: SHAP values are summed back over `source` (one-hot groups). */
export interface DesignColumn {
  name: string;
  source: string;
}

/** A fitted binary classifier. `raw` is the margin (log-odds); `probability` is sigmoid(raw). */
export interface BinaryClassifier {
  readonly family: string;
  raw(x: Matrix): Float64Array;
  probability(x: Matrix): Float64Array;
  toJSON(): ModelJson;
}

/** Serialised model; `family` selects the loader (a tree family adds its own). */
export interface ModelJson {
  family: string;
  [key: string]: unknown;
}
