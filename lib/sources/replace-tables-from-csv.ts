import crypto from "node:crypto";
import type { Readable } from "node:stream";
import { getDb } from "../db/client.ts";
import { bulkLoad, type ColumnBatch } from "../db/bulk-load.ts";
import { ident, withTransaction } from "../db/sql.ts";
import type { CsvColumnSpec } from "./csv/column-types.ts";
import { readCsvBatches, type CsvBatch, type CsvReadStats } from "./csv/read-csv-batches.ts";

export interface CsvFileToLoad {
  source: string;
  fileName: string;
  table: string;
  columns: readonly CsvColumnSpec[];
  open(): Promise<Readable>;
  /** Size in bytes if known, for progress. */
  bytes?: number;
  artifactKey?: string;
}

export interface LoadedFile {
  fileId: string;
  fileName: string;
  table: string;
  rows: number;
  bytes: number;
  sha256: string;
  durationMs: number;
}

export interface ReplaceOptions {
  runId?: string | null;
  signal?: AbortSignal;
  onProgress?(fraction: number, message: string): void;
}

async function* withProvenance(gen: AsyncGenerator<CsvBatch, CsvReadStats>, fileId: string, done: (s: CsvReadStats) => void): AsyncGenerator<ColumnBatch> {
  for (let r = await gen.next(); ; r = await gen.next()) {
    if (r.done) return done(r.value);
    const batch = r.value;
    yield { columns: [...batch.columns, new Array(batch.length).fill(fileId), batch.lines], length: batch.length };
  }
}

/**
 * Replaces the given raw tables with the contents of the files, all in ONE transaction: any bad line, a crash
 * or a cancel leaves the tables exactly as they were, and a rerun with the same files leaves the same rows.
 * Each load is recorded in ops.ingested_files (name, sha256, bytes, rows, duration).
 */
export async function replaceTablesFromCsv(files: readonly CsvFileToLoad[], opts: ReplaceOptions = {}): Promise<LoadedFile[]> {
  const { engine } = await getDb();
  const totalBytes = files.reduce((s, f) => s + (f.bytes ?? 0), 0);
  let bytesBefore = 0;
  return withTransaction(async (client) => {
    const tables = [...new Set(files.map((f) => f.table))];
    await client.query(`TRUNCATE ${tables.map(ident).join(", ")}`);
    const loaded: LoadedFile[] = [];
    for (const file of files) {
      const started = performance.now();
      const fileId = crypto.randomUUID();
      const source = await file.open();
      let stats: CsvReadStats | undefined;
      try {
        const batches = readCsvBatches(source, {
          fileName: file.fileName,
          columns: file.columns,
          onBytes: (b) => totalBytes && opts.onProgress?.((bytesBefore + b) / totalBytes, `loading ${file.fileName}`),
        });
        const columns = [
          ...file.columns.map((c) => ({ column: c.column ?? c.name, pgType: c.pgType })),
          { column: "file_id", pgType: "uuid" },
          { column: "source_line", pgType: "integer" },
        ];
        await bulkLoad(client, engine, file.table, columns, withProvenance(batches, fileId, (s) => (stats = s)), opts.signal);
      } finally {
        source.destroy();
      }
      if (!stats) throw new Error(`reading ${file.fileName} ended without statistics`);
      const durationMs = Math.round(performance.now() - started);
      await client.query(
        `INSERT INTO ops.ingested_files (id, run_id, source, name, table_name, artifact_key, sha256, bytes, rows, duration_ms)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [fileId, opts.runId ?? null, file.source, file.fileName, file.table, file.artifactKey ?? null, stats.sha256, stats.bytes, stats.rows, durationMs],
      );
      bytesBefore += stats.bytes;
      loaded.push({ fileId, fileName: file.fileName, table: file.table, rows: stats.rows, bytes: stats.bytes, sha256: stats.sha256, durationMs });
    }
    return loaded;
  });
}
