import type { DesignColumn, Matrix, RawColumn, RawFrame } from "../types.ts";
import { checkFrame, checkRows, modelValues, resolveAsOf } from "./model-values.ts";
import { type CategoricalStep, designWidth, type PreprocessorJson } from "./preprocessor-json.ts";

/** Options of Preprocessor.transform. */
export interface TransformOptions {
  /** transform only these rows of the frame (in this order); default all */
  rows?: Uint32Array;
  /** as-of day (days since epoch) for date ages, overriding the frame's asOf: e.g. "today" when scoring */
  referenceDate?: number;
  /**
   * write into this buffer (length >= rows × design columns) instead of a new one. Faulting in the pages of a
   * fresh 100+ MB array is most of a transform's time on a busy machine (measured in bench/preprocess.ts), so a
   * caller that transforms batch after batch can reuse one buffer. It is zeroed first; the matrix is a view on it.
   */
  out?: Float64Array;
}

// A fitted step's category positions, built once per step object: a served model transforms one row per request,
// and rebuilding these maps each time cost more than the row itself.
const lookups = new WeakMap<CategoricalStep, { position: Map<string, number>; rare: Set<string> }>();

function categoryLookup(step: CategoricalStep): { position: Map<string, number>; rare: Set<string> } {
  let l = lookups.get(step);
  if (!l) {
    l = { position: new Map(step.categories.map((c, k) => [c, k])), rare: new Set(step.rare) };
    lookups.set(step, l);
  }
  return l;
}

/**
 * Applies fitted steps to a frame, writing the column-major design matrix directly (no intermediate arrays for
 * numeric columns; one Map lookup per categorical cell). Raw columns are found by name, so the frame may carry
 * extra columns or a different order. Unknown categories get all-zero one-hot columns.
 *
 * O(rows · raw columns) plus the zero-filled allocation of rows × design columns.
 *
 * @throws RangeError when a fitted feature is absent from the frame or has another kind
 */
export function transformFrame(
  json: PreprocessorJson,
  frame: RawFrame,
  options: TransformOptions = {},
): { matrix: Matrix; columns: DesignColumn[] } {
  checkFrame(frame, "transform");
  const rows = options.rows ?? null;
  if (rows) checkRows(rows, frame.rows, "transform");
  const n = rows ? rows.length : frame.rows;
  const cols = json.columns.length;
  let data: Float64Array;
  if (options.out) {
    if (options.out.length < n * cols) {
      throw new RangeError(`transform: out holds ${options.out.length} values but the matrix needs ${n * cols}`);
    }
    data = options.out.subarray(0, n * cols);
    data.fill(0); // one-hot and indicator columns only write their ones
  } else {
    data = new Float64Array(n * cols);
  }
  const byName = new Map<string, RawColumn>(frame.columns.map((c) => [c.name, c]));
  const asOf = resolveAsOf(frame, options.referenceDate, json.referenceDate);

  let scratch: Float64Array | undefined; // dates and row subsets: one buffer for all columns, made on first need
  let offset = 0;
  for (const step of json.steps) {
    const column = byName.get(step.name);
    if (!column) throw new RangeError(`transform: the frame has no column "${step.name}", which the model was trained on`);
    if (step.kind === "categorical") {
      if (column.kind !== "categorical") {
        throw new RangeError(`transform: column "${step.name}" is ${column.kind} but the model expects categorical`);
      }
      const { position, rare } = categoryLookup(step);
      const otherAt = step.other ? step.categories.length : -1;
      const missingAt = step.missing ? step.categories.length + (step.other ? 1 : 0) : -1;
      const values = column.values;
      for (let k = 0; k < n; k++) {
        const v = values[rows ? rows[k] : k];
        // Unknown at fit time → all zeros (scikit-learn handle_unknown="ignore"); a category seen but rare → other.
        const at = v === null || v === undefined ? missingAt : (position.get(v) ?? (rare.has(v) ? otherAt : -1));
        if (at >= 0) data[(offset + at) * n + k] = 1;
      }
      offset += designWidth(step);
    } else {
      if (column.kind === "categorical") {
        throw new RangeError(`transform: column "${step.name}" is categorical but the model expects ${step.kind}`);
      }
      // A date must arrive as a date (and vice versa): its model value is an age, not the raw day number.
      if ((column.kind === "date") !== (step.kind === "date")) {
        throw new RangeError(`transform: column "${step.name}" is ${column.kind} but the model expects ${step.kind}`);
      }
      if ((column.kind === "date" || rows) && !scratch) scratch = new Float64Array(n);
      const values = column.kind === "date" || rows ? modelValues(column, rows, asOf, scratch) : column.values;
      const base = offset * n;
      const { fill, mean, scale } = step;
      for (let k = 0; k < n; k++) {
        const v = values[k];
        data[base + k] = ((Number.isNaN(v) ? fill : v) - mean) / scale;
      }
      offset++;
      if (step.indicator) {
        const indicatorBase = offset * n;
        for (let k = 0; k < n; k++) if (Number.isNaN(values[k])) data[indicatorBase + k] = 1;
        offset++;
      }
    }
  }
  // The column copies are made only for a caller that reads them (a served prediction of one row does not).
  return {
    matrix: { rows: n, cols, data },
    get columns() {
      return json.columns.map((c) => ({ ...c }));
    },
  };
}
