import path from "node:path";
import { bulkLoad, type ColumnBatch } from "../db/bulk-load.ts";
import { getDb } from "../db/client.ts";
import { ident, query, withTransaction } from "../db/sql.ts";
import { AppError } from "../errors.ts";
import type { FrameSource } from "../features/load-frame.ts";
import { tabularFeatures } from "../features/tabular-feature-source.ts";
import { SqlParams } from "../quality/sql-params.ts";
import { csvError, assertHeaderShape, fieldCountError } from "../sources/csv/read-csv-batches.ts";
import { CsvSyntaxError, csvRecords } from "../sources/csv/csv-records.ts";
import type { DatasetColumn } from "../sources/tabular/dataset-columns.ts";
import { getDatasetVersion } from "../sources/tabular/dataset-queries.ts";
import { stagingColumns } from "../sources/tabular/tabular-staging.ts";
import { getArtifactStore } from "../storage/default-artifact-store.ts";
import { trimAscii } from "../values/trim-ascii.ts";

// `churnops score --dataset D --file F`: a new CSV of a loaded dataset's shape, scored by its champion. The file's
// text is typed by the dataset's confirmed column types with the very SQL that builds the dataset's staging table
// (stagingColumns), into staging.scored_file_<run>, so the model sees values exactly as it did in training. A value
// that does not parse stops the scoring with file, line and column (nothing is written to ops.predictions); the
// target column, if the file has one, is ignored.

const BATCH = 10_000;
const MAX_PROBLEMS = 20;

/** The table a scoring run types its file into (one per run: steps and drift read it again). */
export function scoredFileTable(runId: string): string {
  return `staging.scored_file_${runId.replaceAll("-", "")}`;
}

/** Columns a scoring file must have: the id and every feature the dataset stages (not the target, not ignored ones). */
function requiredColumns(columns: readonly DatasetColumn[]): DatasetColumn[] {
  return columns.filter((c) => c.role === "id" || c.role === "feature");
}

async function* fileBatches(key: string, fileName: string, wanted: readonly DatasetColumn[]): AsyncGenerator<ColumnBatch> {
  const stream = await getArtifactStore().getStream(key);
  let order: number[] | null = null;
  let width = 0;
  try {
    for await (const chunk of csvRecords(stream, "utf-8")) {
      const cols: unknown[][] = Array.from({ length: wanted.length + 1 }, () => []);
      let n = 0;
      for (let i = 0; i < chunk.records.length; i++) {
        const record = chunk.records[i]!;
        if (!order) {
          const names = record.map(trimAscii);
          assertHeaderShape(names, fileName);
          const missing = wanted.filter((c) => !names.includes(c.name)).map((c) => `"${c.name}"`);
          if (missing.length) {
            throw csvError(fileName, 1, `missing column(s) ${missing.join(", ")}. To fix: give the file the dataset's columns (${wanted.map((c) => c.name).join(", ")}); a target column may be left out.`);
          }
          order = wanted.map((c) => names.indexOf(c.name));
          width = record.length;
          continue;
        }
        if (record.length !== width) throw fieldCountError(fileName, chunk.lines[i]!, record.length, width);
        cols[0]!.push(chunk.lines[i]);
        for (let c = 0; c < wanted.length; c++) cols[c + 1]!.push(record[order[c]!]);
        n++;
        if (n === BATCH) {
          yield { columns: cols, length: n };
          cols.forEach((col) => (col.length = 0));
          n = 0;
        }
      }
      if (n > 0) yield { columns: cols, length: n };
    }
  } catch (e) {
    if (e instanceof CsvSyntaxError) throw csvError(fileName, e.line ?? null, e.message, e);
    throw e;
  }
  if (!order) throw csvError(fileName, null, "the file is empty. To fix: export the customers to score with a header row.");
}

/**
 * Types the uploaded file `key` into scoredFileTable(runId) by the columns of dataset version `datasetVersionId`.
 * Idempotent (a retry rebuilds the table). Returns the row count.
 * @throws AppError CSV_INVALID naming file, line and column for unparseable values, missing columns or empty ids
 */
export async function stageScoringFile(runId: string, key: string, datasetVersionId: string): Promise<{ table: string; rows: number }> {
  const v = await getDatasetVersion(datasetVersionId);
  if (!v) throw new AppError("NOT_FOUND", `Dataset version ${datasetVersionId} does not exist.`, 404);
  const wanted = requiredColumns(v.columns);
  const fileName = path.posix.basename(key);
  const table = scoredFileTable(runId);
  const raw = `${table}_raw`;
  const { engine, pool } = await getDb();
  await pool.query(`DROP TABLE IF EXISTS ${ident(raw)}; DROP TABLE IF EXISTS ${ident(table)}`);
  await pool.query(`CREATE UNLOGGED TABLE ${ident(raw)} (source_line int NOT NULL, ${wanted.map((c) => `${ident(c.column)} text`).join(", ")})`);
  try {
    const client = await pool.connect();
    try {
      await bulkLoad(client, engine, raw, [{ column: "source_line", pgType: "int" }, ...wanted.map((c) => ({ column: c.column, pgType: "text" }))], fileBatches(key, fileName, wanted));
    } finally {
      client.release();
    }
    const p = new SqlParams();
    const typed = stagingColumns(wanted, p);
    const typedParams = [...p.values]; // the checks below add the column names after these
    // A non-empty field that types to NULL did not parse; an empty id cannot be scored.
    const checks = typed.map((t) => {
      const rawText = `NULLIF(btrim(r.${ident(t.name)}), '')`;
      const isId = wanted.find((c) => c.column === t.name)!.role === "id";
      return `SELECT r.source_line, ${p.add(wanted.find((c) => c.column === t.name)!.name)}::text AS name, left(r.${ident(t.name)}, 60) AS value, ${isId ? "true" : "false"} AS is_id
                FROM ${ident(raw)} r WHERE ${isId ? `${rawText} IS NULL` : `${rawText} IS NOT NULL AND (${t.value}) IS NULL`}`;
    });
    const problems = await query<{ source_line: number; name: string; value: string | null; is_id: boolean }>(
      `SELECT * FROM (${checks.join(" UNION ALL ")}) x ORDER BY source_line, name LIMIT ${MAX_PROBLEMS}`,
      p.values,
    );
    if (problems.length > 0) {
      const lines = problems.map((x) => `line ${x.source_line}, column "${x.name}": ${x.is_id ? "the id is empty" : `${JSON.stringify(x.value)} is not a valid ${wanted.find((c) => c.name === x.name)?.type ?? "value"}`}`);
      throw new AppError("CSV_INVALID", `${fileName}: ${problems.length >= MAX_PROBLEMS ? `at least ${MAX_PROBLEMS}` : problems.length} value(s) do not match the dataset's column types, so nothing was scored:\n${lines.join("\n")}\nTo fix: correct these fields (or leave them empty for "missing") and score again.`, 400);
    }
    const rows = await withTransaction(async (client) => {
      const r = await client.query(
        `CREATE TABLE ${ident(table)} AS SELECT r.source_line, ${typed.map((t) => `(${t.value})::${t.sqlType.replace(" NOT NULL", "")} AS ${ident(t.name)}`).join(", ")} FROM ${ident(raw)} r`,
        typedParams,
      );
      return r.rowCount ?? 0;
    });
    return { table, rows };
  } finally {
    await pool.query(`DROP TABLE IF EXISTS ${ident(raw)}`);
  }
}

/** The frame source of a staged scoring file: like the dataset's snapshot, ordered by file line. */
export async function scoringFileSource(table: string, datasetVersionId: string): Promise<FrameSource> {
  const v = await getDatasetVersion(datasetVersionId);
  if (!v) throw new AppError("NOT_FOUND", `Dataset version ${datasetVersionId} does not exist.`, 404);
  const id = v.columns.find((c) => c.role === "id")!;
  return { relation: table, entityColumn: id.column, orderKey: [{ column: "source_line", type: "integer" }], features: tabularFeatures(v.columns) };
}
