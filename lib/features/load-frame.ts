import { getDb } from "../db/client.ts";
import { ident } from "../db/sql.ts";
import type { RawColumn, RawFrame } from "../ml/types.ts";
import type { FeatureSpec } from "./feature-spec.ts";
import { dayNumberSql, featureValueSql } from "./feature-value-sql.ts";
import { float64Columns } from "./float64-columns.ts";

// Reads a features table (or a tabular dataset's snapshot) into a column-major RawFrame: one count, then
// keyset-paginated statements of FRAME_CHUNK_ROWS rows in key order (array rows, no per-row objects), each value
// written straight into preallocated typed arrays. The numeric features of a row arrive packed as one bytea of
// doubles (dates as days since 1970-01-01, booleans as 0/1), so no strings are printed or parsed for numbers.
// Short statements keep the embedded engine responsive.

/** Rows per statement: ~50k rows × ~50 columns is a few MB per page on either engine. */
export const FRAME_CHUNK_ROWS = 50_000;

export interface KeyColumn {
  column: string;
  /** SQL type the page bound is cast to (bigint, date, uuid, integer, ...) */
  type: string;
}

/** Where a frame comes from and how to read it: reusable for training and scoring frames. */
export interface FrameSource {
  /** qualified relation, e.g. features.elearning_user_day or snapshots.tabular_x_v1__<run> */
  relation: string;
  entityColumn: string;
  /** date column of panel data; absent for one-row-per-entity data */
  asOfColumn?: string;
  /** 0/1 label column (training frames drop rows where it is null) */
  labelColumn?: string;
  /** fixed predicate on the relation (alias t) with its own parameters $1.. */
  filter?: { sql: string; params: unknown[] };
  /** unique row order within the filter, for deterministic rows and keyset pages (an index should lead with it) */
  orderKey: KeyColumn[];
  features: FeatureSpec[];
}

export interface LoadedFrame {
  frame: RawFrame;
  features: FeatureSpec[];
  source: FrameSource;
}

/**
 * All numeric features of a row as one bytea of big-endian doubles (float8send), missing as NaN. Printing doubles as
 * text (float8out) and parsing them back in Node cost ~90% of reading a frame; the bytes are exact, so the values
 * are bit-identical to the text path's (which also round-trips exactly), and one hex string per row is cheap to
 * decode.
 */
function packedNumericExpr(numeric: readonly FeatureSpec[]): string {
  return numeric.map((f) => `float8send(COALESCE(${featureValueSql(f.name, f.kind)}, 'NaN'::float8))`).join(" || ");
}

/** Distinct values a column interns; past that (an id-like column) values are kept as they come. */
const MAX_INTERNED = 65_536;

function intern(seen: Map<string, string>, v: string | null): string | null {
  if (v === null) return null;
  const known = seen.get(v);
  if (known !== undefined) return known;
  if (seen.size < MAX_INTERNED) seen.set(v, v);
  return v;
}

/**
 * Loads `source` into a RawFrame. With `labels`, rows whose label is null are left out and `labels` is filled;
 * `where` narrows further (e.g. the last N as-of dates), with parameters numbered after the filter's.
 */
export async function loadFrame(source: FrameSource, opts: { labels: boolean; where?: { sql: string; params: unknown[] } }): Promise<LoadedFrame> {
  const { pool } = await getDb();
  const base = source.filter?.params ?? [];
  const conds = [source.filter?.sql ?? "true", opts.where?.sql ?? "true"];
  if (opts.labels) {
    if (!source.labelColumn) throw new RangeError(`loadFrame: ${source.relation} has no label column, so it cannot give a training frame`);
    conds.push(`t.${ident(source.labelColumn)} IS NOT NULL`);
  }
  const params = [...base, ...(opts.where?.params ?? [])];
  const from = `${ident(source.relation)} t WHERE ${conds.map((c) => `(${c})`).join(" AND ")}`;
  const { rows: [{ n }] } = await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${from}`, params);

  const numeric = source.features.filter((f) => f.kind !== "categorical");
  const categorical = source.features.filter((f) => f.kind === "categorical");
  const numericValues = float64Columns(numeric.length, n);
  const categoricalValues = categorical.map(() => new Array<string | null>(n).fill(null));
  // Each text value arrives as a new string: one shared string per distinct category (and per entity, whose rows
  // are consecutive) instead of one per cell saves a heap string (~20-30 bytes) per cell, 4 × 1.7M cells at 10×
  // the e-learning sample.
  const interned = categorical.map(() => new Map<string, string>());
  let lastEntity = "";
  const entityIds: string[] = new Array<string>(n);
  const asOf = source.asOfColumn ? new Float64Array(n) : undefined;
  const labels = opts.labels ? new Uint8Array(n) : undefined;
  const keys = source.orderKey;
  const select = [
    `t.${ident(source.entityColumn)}::text`,
    source.asOfColumn ? dayNumberSql(source.asOfColumn) : "NULL",
    opts.labels ? `t.${ident(source.labelColumn!)}::int` : "NULL",
    ...keys.map((k) => `t.${ident(k.column)}::text`),
    numeric.length > 0 ? packedNumericExpr(numeric) : "NULL",
    ...categorical.map((f) => `t.${ident(f.name)}::text`),
  ];
  const keyList = keys.map((k) => `t.${ident(k.column)}`).join(", ");
  const packedAt = 3 + keys.length;
  let last: string[] | null = null;
  let row = 0;
  while (row < n) {
    const after: string = last ? ` AND (${keyList}) > (${keys.map((k, i) => `$${params.length + i + 1}::${k.type}`).join(", ")})` : "";
    const result: { rows: unknown[][] } = await pool.query<unknown[]>({
      text: `SELECT ${select.join(", ")} FROM ${from}${after} ORDER BY ${keyList} LIMIT ${FRAME_CHUNK_ROWS}`,
      values: last ? [...params, ...last] : params,
      rowMode: "array",
    });
    const page: unknown[][] = result.rows;
    if (page.length === 0) break;
    for (const r of page) {
      if (row >= n) break; // rows added since the count: the frame keeps the counted ones
      const entity = r[0] as string;
      entityIds[row] = entity === lastEntity ? lastEntity : (lastEntity = entity);
      if (asOf) asOf[row] = r[1] === null ? Number.NaN : (r[1] as number);
      if (labels) labels[row] = r[2] as number;
      if (numeric.length > 0) {
        const packed = r[packedAt] as Buffer;
        for (let j = 0; j < numericValues.length; j++) numericValues[j]![row] = packed.readDoubleBE(j * 8);
      }
      for (let j = 0; j < categoricalValues.length; j++) categoricalValues[j]![row] = intern(interned[j]!, r[packedAt + 1 + j] as string | null);
      row++;
    }
    const tail: unknown[] = page[page.length - 1]!;
    last = keys.map((_, i): string => tail[3 + i] as string);
    if (page.length < FRAME_CHUNK_ROWS) break;
  }
  if (row !== n) throw new Error(`loadFrame: counted ${n} rows of ${source.relation} but read ${row}; it changed while being read`);
  const byName = new Map<string, RawColumn>();
  numeric.forEach((f, j) => byName.set(f.name, { name: f.name, kind: f.kind, values: numericValues[j]! } as RawColumn));
  categorical.forEach((f, j) => byName.set(f.name, { name: f.name, kind: "categorical", values: categoricalValues[j]! }));
  const frame: RawFrame = { rows: n, columns: source.features.map((f) => byName.get(f.name)!), entityIds, ...(asOf ? { asOf } : {}), ...(labels ? { labels } : {}) };
  return { frame, features: source.features, source };
}
