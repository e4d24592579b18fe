import type { Matrix, Preprocessor, RawColumn, RawFrame } from "../../ml/index.ts";
import { designWidth } from "../../ml/preprocess/preprocessor-json.ts";
import { transformFrame } from "../../ml/preprocess/transform-frame.ts";
import { subsetColumn, subsetRowData } from "../../scoring/subset-frame.ts";

/** The design matrices of a split's parts, and the raw values later steps still read. */
export interface DesignParts {
  /** one matrix per part, rows in the part's order */
  matrices: Matrix[];
  /** every raw column (and asOf, labels, entity ids) of the `keep` rows, in that order */
  kept: RawFrame;
}

/**
 * The design matrices of `parts` (row subsets of `frame`), as preprocessor.transform(frame, { rows }) makes them
 * value for value, built one raw column at a time: each column is transformed into every part's matrix, its `keep`
 * rows copied, and then let go. The frame gives up its columns (frame.columns is emptied), so on a large frame
 * (1.7M rows × 47 columns ≈ 0.7 GB at 10× the e-learning sample) the raw columns are freed while the matrices
 * (≈ 0.75 GB for training and validation) fill, rather than both being held at once: the frame's numeric columns are
 * allocated in blocks that go back to the OS when released (lib/features/float64-columns.ts).
 *
 * @throws RangeError when a fitted feature is absent from the frame or has another kind (as transform does)
 */
export function designParts(preprocessor: Preprocessor, frame: RawFrame, parts: readonly Uint32Array[], keep: Uint32Array): DesignParts {
  const json = preprocessor.toJSON();
  const cols = json.columns.length;
  const placed = new Map<string, { json: typeof json; offset: number; width: number }>();
  let offset = 0;
  for (const step of json.steps) {
    const width = designWidth(step);
    // one step's JSON: transformFrame writes just its design columns, into the slice of `out` given below
    placed.set(step.name, { json: { ...json, steps: [step], columns: json.columns.slice(offset, offset + width) }, offset, width });
    offset += width;
  }
  const names = new Set(frame.columns.map((c) => c.name));
  for (const step of json.steps) {
    if (!names.has(step.name)) throw new RangeError(`transform: the frame has no column "${step.name}", which the model was trained on`);
  }
  const matrices: Matrix[] = parts.map((rows) => ({ rows: rows.length, cols, data: new Float64Array(rows.length * cols) }));
  const columns: (RawColumn | undefined)[] = frame.columns.splice(0);
  const kept: RawColumn[] = [];
  for (let i = 0; i < columns.length; i++) {
    const column = columns[i]!;
    const step = placed.get(column.name);
    if (step) {
      const single: RawFrame = { rows: frame.rows, columns: [column], ...(frame.asOf ? { asOf: frame.asOf } : {}) };
      parts.forEach((rows, p) => {
        const out = matrices[p]!.data.subarray(step.offset * rows.length, (step.offset + step.width) * rows.length);
        transformFrame(step.json, single, { rows, out });
      });
    }
    kept.push(subsetColumn(column, keep));
    columns[i] = undefined; // the last reference: its block is freed once its neighbours are done too
  }
  return {
    matrices,
    kept: { ...subsetRowData(frame, keep), columns: kept },
  };
}
