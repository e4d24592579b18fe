import type { RawColumn, RawFrame } from "../types.ts";

/**
 * The as-of day for date ages, per row: an explicit reference date wins (scoring "as of today"), then the frame's
 * per-row asOf (panel data), then the training reference date. Returns null when none is known.
 */
export function resolveAsOf(
  frame: RawFrame,
  referenceDate: number | null | undefined,
  fallback: number | null,
): { perRow: Float64Array } | { fixed: number } | null {
  if (referenceDate !== undefined && referenceDate !== null) return { fixed: referenceDate };
  if (frame.asOf) return { perRow: frame.asOf };
  if (fallback !== null) return { fixed: fallback };
  return null;
}

/**
 * One numeric/boolean/date column in model units for the selected rows: the value itself, or for a date its age
 * in days at the row's as-of day (as-of − date; NaN stays NaN), written into `scratch` when it is big enough.
 * O(rows).
 *
 * @throws RangeError for a date column when no as-of day is known
 */
export function modelValues(
  column: Exclude<RawColumn, { kind: "categorical" }>,
  rows: Uint32Array | null,
  asOf: ReturnType<typeof resolveAsOf>,
  scratch?: Float64Array,
): Float64Array {
  const n = rows ? rows.length : column.values.length;
  // Reusing one scratch buffer across columns matters: first-touching fresh pages dominates on a VM (bench/preprocess.ts).
  const out = scratch && scratch.length >= n ? scratch.subarray(0, n) : new Float64Array(n);
  const values = column.values;
  if (column.kind !== "date") {
    for (let k = 0; k < n; k++) out[k] = values[rows ? rows[k] : k];
    return out;
  }
  if (asOf === null) {
    throw new RangeError(
      `date column "${column.name}" needs an as-of day: give the frame asOf or pass referenceDate (days since 1970-01-01)`,
    );
  }
  for (let k = 0; k < n; k++) {
    const i = rows ? rows[k] : k;
    out[k] = ("fixed" in asOf ? asOf.fixed : asOf.perRow[i]) - values[i];
  }
  return out;
}

/** Throws unless every column (and asOf, labels) has `frame.rows` values and names are unique. */
export function checkFrame(frame: RawFrame, caller: string): void {
  const seen = new Set<string>();
  for (const column of frame.columns) {
    if (seen.has(column.name)) throw new RangeError(`${caller}: column "${column.name}" appears twice`);
    seen.add(column.name);
    if (column.values.length !== frame.rows) {
      throw new RangeError(`${caller}: column "${column.name}" has ${column.values.length} values but the frame has ${frame.rows} rows`);
    }
  }
  if (frame.asOf && frame.asOf.length !== frame.rows) {
    throw new RangeError(`${caller}: asOf has ${frame.asOf.length} values but the frame has ${frame.rows} rows`);
  }
}

/** Throws unless every row index is an integer in [0, rows). */
export function checkRows(rows: Uint32Array, frameRows: number, caller: string): void {
  for (let k = 0; k < rows.length; k++) {
    if (rows[k] >= frameRows) throw new RangeError(`${caller}: row index ${rows[k]} is outside the frame (${frameRows} rows)`);
  }
}
