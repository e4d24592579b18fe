import type { RawFrame } from "../ml/types.ts";

/** The rows `rows` of a frame (in that order), every column, id, as-of and label kept aligned. O(rows · columns). */
export function subsetFrame(frame: RawFrame, rows: readonly number[]): RawFrame {
  const pick = <T,>(values: ArrayLike<T>) => rows.map((i) => values[i]!);
  return {
    rows: rows.length,
    columns: frame.columns.map((c) => (c.kind === "categorical" ? { ...c, values: pick(c.values) } : { ...c, values: Float64Array.from(pick(c.values)) })),
    ...(frame.asOf ? { asOf: Float64Array.from(pick(frame.asOf)) } : {}),
    ...(frame.entityIds ? { entityIds: pick(frame.entityIds) } : {}),
    ...(frame.labels ? { labels: Uint8Array.from(pick(frame.labels)) } : {}),
  };
}
