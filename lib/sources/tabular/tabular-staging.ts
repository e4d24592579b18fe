import { getDb } from "../../db/client.ts";
import { createSideTable, dropOrphanSideTables, lineRanges, swapInTable, type LineRange } from "../../db/side-table.ts";
import { withTransaction, ident, type Queryable } from "../../db/sql.ts";
import { SqlParams } from "../../quality/compile-predicate.ts";
import type { DateFormat } from "../../quality/expectation-types.ts";
import type { DatasetColumn } from "./dataset-columns.ts";
import { rawTableName, stagingTableName } from "./tabular-names.ts";

// staging.tabular_<slug>_v<version>: the raw text typed by the confirmed column types, minus the rows the data
// gate rejected. numeric -> float8, boolean -> boolean, date -> date (timestamp for layouts with a time),
// categorical/text -> text, id -> text, target -> smallint 0/1; ignored columns are left out.

const NUMERIC_TEXT = "^[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][+-]?[0-9]+)?$";

type Part = readonly [start: number, length: number];
interface Layout {
  re: string;
  y: Part;
  m: Part;
  d: Part;
  time?: boolean;
}
/** Same layouts as lib/quality's parses_as (1-based substring positions). */
const LAYOUTS: Record<DateFormat, Layout> = {
  "YYYY-MM-DD": { re: "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", y: [1, 4], m: [6, 2], d: [9, 2] },
  "YYYY-MM-DDTHH:MI:SS": { re: "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}$", y: [1, 4], m: [6, 2], d: [9, 2], time: true },
  "YYYY-MM-DD HH:MI:SS": { re: "^[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}$", y: [1, 4], m: [6, 2], d: [9, 2], time: true },
  "DD/MM/YYYY": { re: "^[0-9]{2}/[0-9]{2}/[0-9]{4}$", y: [7, 4], m: [4, 2], d: [1, 2] },
  "MM/DD/YYYY": { re: "^[0-9]{2}/[0-9]{2}/[0-9]{4}$", y: [7, 4], m: [1, 2], d: [4, 2] },
  "DD-MM-YYYY": { re: "^[0-9]{2}-[0-9]{2}-[0-9]{4}$", y: [7, 4], m: [4, 2], d: [1, 2] },
  "YYYY/MM/DD": { re: "^[0-9]{4}/[0-9]{2}/[0-9]{2}$", y: [1, 4], m: [6, 2], d: [9, 2] },
  YYYYMMDD: { re: "^[0-9]{8}$", y: [1, 4], m: [5, 2], d: [7, 2] },
};

export function isTimestampFormat(format: DateFormat | undefined): boolean {
  return Boolean(format && LAYOUTS[format].time);
}

interface StagingColumn {
  name: string;
  sqlType: string;
  /** Expression over the raw row `r`. */
  value: string;
}

function dateExpr(v: string, format: DateFormat, p: SqlParams): string {
  const L = LAYOUTS[format];
  const part = ([start, len]: Part) => `substr(${v}, ${start}, ${len})::int`;
  const [y, m, d] = [part(L.y), part(L.m), part(L.d)];
  const lastDay = `extract(day from make_date(${y}, ${m}, 1) + interval '1 month - 1 day')`;
  const valid = `${v} ~ ${p.add(L.re)} AND ${y} >= 1 AND ${m} BETWEEN 1 AND 12`;
  if (!L.time) return `(CASE WHEN ${valid} AND ${d} BETWEEN 1 AND ${lastDay} THEN make_date(${y}, ${m}, ${d}) END)`;
  const [h, mi, s] = [part([12, 2]), part([15, 2]), part([18, 2])];
  return `(CASE WHEN ${valid} AND ${d} BETWEEN 1 AND ${lastDay} AND ${h} < 24 AND ${mi} < 60 AND ${s} < 60 THEN make_timestamp(${y}, ${m}, ${d}, ${h}, ${mi}, ${s}) END)`;
}

/** The typed columns of the staging table and how each is computed from the raw text (pure; parameters in `p`). */
export function stagingColumns(columns: readonly DatasetColumn[], p: SqlParams): StagingColumn[] {
  const out: StagingColumn[] = [];
  for (const c of columns) {
    if (c.role === "ignore") continue;
    const v = `btrim(r.${ident(c.column)})`;
    const present = `NULLIF(${v}, '')`;
    if (c.role === "id") {
      out.push({ name: c.column, sqlType: "text NOT NULL", value: present });
      continue;
    }
    if (c.role === "target") {
      const t = c.target!;
      const value = t.numeric
        ? `(CASE WHEN ${v} ~ ${p.add(NUMERIC_TEXT)} THEN (CASE WHEN ${v}::float8 = ${p.add(Number(t.positive))}::float8 THEN 1 WHEN ${v}::float8 = ${p.add(Number(t.negative))}::float8 THEN 0 END) END)::smallint`
        : `(CASE lower(${v}) WHEN lower(${p.add(t.positive)}::text) THEN 1 WHEN lower(${p.add(t.negative)}::text) THEN 0 END)::smallint`;
      out.push({ name: c.column, sqlType: "smallint NOT NULL", value });
      continue;
    }
    switch (c.type) {
      case "numeric":
        out.push({ name: c.column, sqlType: "float8", value: `(CASE WHEN ${v} ~ ${p.add(NUMERIC_TEXT)} THEN ${v}::float8 END)` });
        break;
      case "boolean": {
        const pair = c.booleanPair ?? { true: "true", false: "false" };
        out.push({ name: c.column, sqlType: "boolean", value: `(CASE lower(${v}) WHEN ${p.add(pair.true)}::text THEN true WHEN ${p.add(pair.false)}::text THEN false END)` });
        break;
      }
      case "date":
        out.push({ name: c.column, sqlType: isTimestampFormat(c.dateFormat) ? "timestamp" : "date", value: c.dateFormat ? dateExpr(v, c.dateFormat, p) : "NULL" });
        break;
      case "categorical":
        out.push({ name: c.column, sqlType: "text", value: present });
        break;
      case "text":
        out.push({ name: c.column, sqlType: "text", value: `NULLIF(r.${ident(c.column)}, '')` });
        break;
    }
  }
  return out;
}

/**
 * Rebuilds the staging table of a version: readers see the old table or the new one. Rows rejected by the given dq
 * runs are left out. Returns the row count. Real Postgres: drop, create, insert in one transaction. Embedded engine:
 * the new table is filled in chunks of raw lines as a side table and swapped in by a short transaction, so no
 * statement holds the single PGlite session for long (lib/db/side-table.ts).
 */
export async function buildTabularStaging(v: { slug: string; version: number; columns: readonly DatasetColumn[] }, dqRunIds: readonly string[]): Promise<{ table: string; rows: number }> {
  const raw = rawTableName(v.slug, v.version);
  const table = stagingTableName(v.slug, v.version);
  const p = new SqlParams();
  const cols = stagingColumns(v.columns, p);
  const idColumn = v.columns.find((c) => c.role === "id")?.column;
  const defs = [...cols.map((c) => `${ident(c.name)} ${c.sqlType}`), "file_id uuid NOT NULL", "source_line integer NOT NULL", "PRIMARY KEY (file_id, source_line)"];
  const rejected = p.add(dqRunIds);
  const create = async (client: Queryable, name: string) => {
    await client.query(`CREATE TABLE ${ident(name)} (${defs.join(", ")})`);
    if (idColumn) await client.query(`CREATE INDEX ON ${ident(name)} (${ident(idColumn)})`);
  };
  const insert = (into: string, range?: LineRange) => {
    const q = new SqlParams();
    q.values.push(...p.values);
    const inRange = range ? `r.file_id = ${q.add(range.fileId)}::uuid AND r.source_line BETWEEN ${q.add(range.from)} AND ${q.add(range.to)} AND ` : "";
    return {
      text: `INSERT INTO ${ident(into)} (${[...cols.map((c) => ident(c.name)), "file_id", "source_line"].join(", ")})
       SELECT ${[...cols.map((c) => c.value), "r.file_id", "r.source_line"].join(", ")}
         FROM ${ident(raw)} r
        WHERE ${inRange}NOT EXISTS (SELECT 1 FROM dqm.rejects j WHERE j.dq_run_id = ANY(${rejected}::uuid[]) AND j.file_id = r.file_id AND j.source_line = r.source_line)`,
      values: q.values,
    };
  };
  const { engine, pool } = await getDb();
  if (engine === "postgres") {
    return withTransaction(async (client) => {
      await client.query(`DROP TABLE IF EXISTS ${ident(table)}`);
      await create(client, table);
      const { rowCount } = await client.query(insert(table));
      return { table, rows: rowCount ?? 0 };
    });
  }
  const client = await pool.connect();
  let side: string | undefined;
  try {
    await dropOrphanSideTables(client, "staging");
    side = await createSideTable(client, table, false);
    await create(client, side);
    let rows = 0;
    for (const range of await lineRanges(client, raw)) rows += (await client.query(insert(side, range))).rowCount ?? 0;
    await client.query("BEGIN");
    try {
      await swapInTable(client, table, side);
      await client.query("COMMIT");
    } catch (e) {
      await client.query("ROLLBACK").catch(() => {});
      throw e;
    }
    side = undefined;
    return { table, rows };
  } finally {
    if (side) await client.query(`DROP TABLE IF EXISTS ${ident(side)}`).catch(() => {});
    client.release();
  }
}
