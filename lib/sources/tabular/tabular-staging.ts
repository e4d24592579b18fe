import { getDb } from "../../db/client.ts";
import { createSideTable, dropOrphanSideTables, lineRanges, swapInTable, type LineRange } from "../../db/side-table.ts";
import { withTransaction, ident, type Queryable } from "../../db/sql.ts";
import { SqlParams } from "../../quality/compile-predicate.ts";
import type { DateFormat } from "../../quality/expectation-types.ts";
import { DATE_LAYOUTS, isTimestampFormat, sqlDateLayout } from "../../values/date-grammar.ts";
import { NUMBER_SQL_PATTERN, sqlToFiniteNumber } from "../../values/number-grammar.ts";
import { sqlTrimAscii } from "../../values/trim-ascii.ts";
import type { DatasetColumn } from "./dataset-columns.ts";
import { rawTableName, stagingTableName } from "./tabular-names.ts";

// staging.tabular_<slug>_v<version>: the raw text typed by the confirmed column types, minus the rows the data
// gate rejected. numeric -> float8, boolean -> boolean, date -> date (timestamp for layouts with a time),
// categorical/text -> text, id -> text, target -> smallint 0/1; ignored columns are left out.

interface StagingColumn {
  name: string;
  sqlType: string;
  /** Expression over the raw row `r`. */
  value: string;
}

function dateExpr(v: string, format: DateFormat, p: SqlParams): string {
  return sqlDateLayout(v, format, p.add(DATE_LAYOUTS[format].re)).value;
}

/** The typed columns of the staging table and how each is computed from the raw text (pure; parameters in `p`). */
export function stagingColumns(columns: readonly DatasetColumn[], p: SqlParams): StagingColumn[] {
  const out: StagingColumn[] = [];
  for (const c of columns) {
    if (c.role === "ignore") continue;
    const v = sqlTrimAscii(`r.${ident(c.column)}`);
    const present = `NULLIF(${v}, '')`;
    if (c.role === "id") {
      out.push({ name: c.column, sqlType: "text NOT NULL", value: present });
      continue;
    }
    if (c.role === "target") {
      const t = c.target!;
      const value = t.numeric
        ? `(CASE ${sqlToFiniteNumber(v, p.add(NUMBER_SQL_PATTERN))} WHEN ${p.add(Number(t.positive))}::float8 THEN 1 WHEN ${p.add(Number(t.negative))}::float8 THEN 0 END)::smallint`
        : `(CASE lower(${v}) WHEN lower(${p.add(t.positive)}::text) THEN 1 WHEN lower(${p.add(t.negative)}::text) THEN 0 END)::smallint`;
      out.push({ name: c.column, sqlType: "smallint NOT NULL", value });
      continue;
    }
    switch (c.type) {
      case "numeric":
        out.push({ name: c.column, sqlType: "float8", value: sqlToFiniteNumber(v, p.add(NUMBER_SQL_PATTERN)) });
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
