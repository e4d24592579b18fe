import type { RawColumn, RawFrame } from "../ml/types.ts";

/** The values of `column` at `rows` (in that order), as a column of the same name and kind. O(rows). */
export function subsetColumn(column: RawColumn, rows: ArrayLike<number>): RawColumn {
  if (column.kind === "categorical") return { ...column, values: Array.from(rows, (i) => column.values[i]!) };
  const values = new Float64Array(rows.length);
  for (let k = 0; k < rows.length; k++) values[k] = column.values[rows[k]!]!;
  return { ...column, values };
}

/** The rows `rows` of a frame (in that order), every column, id, as-of and label kept aligned. O(rows · columns). */
export function subsetFrame(frame: RawFrame, rows: ArrayLike<number>): RawFrame {
  return { ...subsetRowData(frame, rows), columns: frame.columns.map((c) => subsetColumn(c, rows)) };
}

/** The as-of days, entity ids and labels of `rows` (those the frame has), without its columns. */
export function subsetRowData(frame: RawFrame, rows: ArrayLike<number>): Omit<RawFrame, "columns"> {
  return {
    rows: rows.length,
    ...(frame.asOf ? { asOf: Float64Array.from(rows, (i) => frame.asOf![i]!) } : {}),
    ...(frame.entityIds ? { entityIds: Array.from(rows, (i) => frame.entityIds![i]!) } : {}),
    ...(frame.labels ? { labels: Uint8Array.from(rows, (i) => frame.labels![i]!) } : {}),
  };
}
