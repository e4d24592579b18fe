import { getDb } from "../db/client.ts";
import { ident } from "../db/sql.ts";
import type { RawColumn, RawFrame } from "../ml/types.ts";
import type { FeatureSpec } from "./feature-spec.ts";

// Reads a features table (or a tabular dataset's snapshot) into a column-major RawFrame: one count, then
// keyset-paginated statements of FRAME_CHUNK_ROWS rows in key order (array rows, no per-row objects), each value
// written straight into preallocated typed arrays. Dates arrive as integers (days since 1970-01-01), booleans as
// 0/1, so no Date objects or strings are made for numbers. Short statements keep the embedded engine responsive.

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

const DAY0 = "DATE '1970-01-01'";

/** The SELECT expression per feature kind: everything numeric arrives as a JS number or null. */
function selectExpr(f: FeatureSpec): string {
  const c = `t.${ident(f.name)}`;
  switch (f.kind) {
    case "numeric":
      return `${c}::float8`;
    case "boolean":
      return `${c}::int`;
    case "date":
      return `(${c}::date - ${DAY0})`;
    case "categorical":
      return `${c}::text`;
  }
}

type Sink = { put(row: number, value: unknown): void; column(): RawColumn };

function sinkFor(f: FeatureSpec, rows: number): Sink {
  if (f.kind === "categorical") {
    const values: (string | null)[] = new Array<string | null>(rows).fill(null);
    return { put: (i, v) => (values[i] = v === null ? null : String(v)), column: () => ({ name: f.name, kind: "categorical", values }) };
  }
  const values = new Float64Array(rows);
  return {
    put: (i, v) => (values[i] = v === null ? Number.NaN : Number(v)),
    column: () => ({ name: f.name, kind: f.kind, values }) as RawColumn,
  };
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

  const sinks = source.features.map((f) => sinkFor(f, n));
  const entityIds: string[] = new Array<string>(n);
  const asOf = source.asOfColumn ? new Float64Array(n) : undefined;
  const labels = opts.labels ? new Uint8Array(n) : undefined;
  const keys = source.orderKey;
  const select = [
    `t.${ident(source.entityColumn)}::text`,
    source.asOfColumn ? `(t.${ident(source.asOfColumn)}::date - ${DAY0})` : "NULL",
    opts.labels ? `t.${ident(source.labelColumn!)}::int` : "NULL",
    ...keys.map((k) => `t.${ident(k.column)}::text`),
    ...source.features.map(selectExpr),
  ];
  const keyList = keys.map((k) => `t.${ident(k.column)}`).join(", ");
  const first = 3 + keys.length;
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
      entityIds[row] = r[0] as string;
      if (asOf) asOf[row] = r[1] === null ? Number.NaN : (r[1] as number);
      if (labels) labels[row] = r[2] as number;
      for (let j = 0; j < sinks.length; j++) sinks[j]!.put(row, r[first + j]);
      row++;
    }
    const tail: unknown[] = page[page.length - 1]!;
    last = keys.map((_, i): string => tail[3 + i] as string);
    if (page.length < FRAME_CHUNK_ROWS) break;
  }
  if (row !== n) throw new Error(`loadFrame: counted ${n} rows of ${source.relation} but read ${row}; it changed while being read`);
  const frame: RawFrame = { rows: n, columns: sinks.map((s) => s.column()), entityIds, ...(asOf ? { asOf } : {}), ...(labels ? { labels } : {}) };
  return { frame, features: source.features, source };
}
