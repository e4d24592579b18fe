import { mulberry32, randomInt } from "../random.ts";
import type { RawFrame } from "../types.ts";
import type { ShapValues } from "./linear-shap.ts";

/** Points of the SHAP summary plot: for each feature, one SHAP value and one raw value per sampled row. */
export interface ShapSample {
  /** sampled rows of the explained matrix, ascending */
  rows: number[];
  features: {
    feature: string;
    shap: number[];
    /** the raw feature value of the same row (colour in the plot): number (NaN → null), category, or null */
    value: (number | string | null)[];
  }[];
}

/**
 * Seeded sample of explained rows for the SHAP summary plot (value vs feature, coloured by feature value), as
 * plain JSON. Rows are drawn without replacement by a partial Fisher–Yates shuffle with mulberry32, so the same
 * seed gives the same points.
 *
 * O(rows + size · features).
 *
 * @param shap linearShap output
 * @param frame the raw frame the explained rows came from (raw values for the colour)
 * @param options.size how many rows (all of them when there are fewer)
 * @param options.seed PRNG seed
 * @param options.rowIndex frame row of each explained row, when the matrix was built from a row subset
 *   (transform's `rows`); default: explained row i is frame row i
 * @throws RangeError when the frame and the explanation do not line up
 */
export function sampleShapRows(
  shap: ShapValues,
  frame: RawFrame,
  options: { size: number; seed: number; rowIndex?: Uint32Array },
): ShapSample {
  const { size, seed, rowIndex } = options;
  if (!Number.isInteger(size) || size < 0) throw new RangeError(`sampleShapRows: size = ${size}; need an integer >= 0`);
  if (rowIndex && rowIndex.length !== shap.rows) {
    throw new RangeError(`sampleShapRows: rowIndex has ${rowIndex.length} entries but ${shap.rows} rows were explained`);
  }
  if (!rowIndex && frame.rows !== shap.rows) {
    throw new RangeError(`sampleShapRows: the frame has ${frame.rows} rows but ${shap.rows} were explained; pass rowIndex`);
  }
  const take = Math.min(size, shap.rows);
  const order = Uint32Array.from({ length: shap.rows }, (_, i) => i);
  const random = mulberry32(seed);
  for (let k = 0; k < take; k++) {
    const j = k + randomInt(random, shap.rows - k);
    const swap = order[k];
    order[k] = order[j];
    order[j] = swap;
  }
  const rows = Array.from(order.subarray(0, take)).sort((a, b) => a - b);
  const byName = new Map(frame.columns.map((c) => [c.name, c]));
  return {
    rows,
    features: shap.features.map((feature, f) => {
      const column = byName.get(feature);
      const value = rows.map((i): number | string | null => {
        if (!column) return null;
        const v = column.values[rowIndex ? rowIndex[i] : i];
        if (typeof v === "number") return Number.isNaN(v) ? null : v;
        return v ?? null;
      });
      return { feature, shap: rows.map((i) => shap.values[f * shap.rows + i]), value };
    }),
  };
}
