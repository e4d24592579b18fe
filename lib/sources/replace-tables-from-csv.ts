import crypto from "node:crypto";
import type { Readable } from "node:stream";
import type pg from "pg";
import { getDb, type DbEngine } from "../db/client.ts";
import { isProcessAlive } from "../db/embedded-lock.ts";
import { bulkLoad, type ColumnBatch } from "../db/bulk-load.ts";
import { ident, withTransaction } from "../db/sql.ts";
import type { CsvColumnSpec } from "./csv/column-types.ts";
import { readCsvBatches, type CsvBatch, type CsvReadStats } from "./csv/read-csv-batches.ts";
import type { CsvEncoding } from "./csv/text-encoding.ts";

export interface CsvFileToLoad {
  source: string;
  fileName: string;
  table: string;
  columns: readonly CsvColumnSpec[];
  open(): Promise<Readable>;
  /** Size in bytes if known, for progress. */
  bytes?: number;
  /** Text encoding (default utf-8; "auto" for files people upload). */
  encoding?: CsvEncoding;
  artifactKey?: string;
  /** Called once the whole file is read, before any table is replaced: throw to leave the tables unchanged. */
  verify?(read: CsvReadStats): void;
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

interface ReadyFile {
  file: CsvFileToLoad;
  fileId: string;
  stats: CsvReadStats;
  durationMs: number;
  /** Embedded engine: the private table the rows were staged in. */
  stagedIn?: string;
}

const LOAD_TABLE_PREFIX = "_load_";

/** Streams one file into `table` on `client`, returning what was read. */
async function loadFile(client: pg.PoolClient, engine: DbEngine, file: CsvFileToLoad, fileId: string, table: string, opts: ReplaceOptions, progress: (bytes: number) => void): Promise<CsvReadStats> {
  const source = await file.open();
  let stats: CsvReadStats | undefined;
  try {
    const batches = readCsvBatches(source, { fileName: file.fileName, columns: file.columns, encoding: file.encoding, onBytes: progress });
    const columns = [
      ...file.columns.map((c) => ({ column: c.column ?? c.name, pgType: c.pgType })),
      { column: "file_id", pgType: "uuid" },
      { column: "source_line", pgType: "integer" },
    ];
    await bulkLoad(client, engine, table, columns, withProvenance(batches, fileId, (s) => (stats = s)), opts.signal);
  } finally {
    source.destroy();
  }
  if (!stats) throw new Error(`reading ${file.fileName} ended without statistics`);
  file.verify?.(stats);
  return stats;
}

/** Drops staging tables left by a load whose process died (embedded engine only; names carry the pid). */
async function dropOrphanLoadTables(client: pg.PoolClient): Promise<void> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'staging' AND tablename LIKE '${LOAD_TABLE_PREFIX}%'`);
  for (const { name } of rows) {
    const pid = Number(name.split("_")[2]);
    if (!Number.isInteger(pid) || !isProcessAlive(pid)) await client.query(`DROP TABLE IF EXISTS ${ident(`staging.${name}`)}`);
  }
}

/**
 * Replaces the given raw tables with the contents of the files atomically: any bad line, a crash or a cancel
 * leaves the tables exactly as they were, and a rerun with the same files leaves the same rows. Each load is
 * recorded in ops.ingested_files (name, sha256, bytes, rows, duration).
 *
 * Real Postgres: COPY straight into the targets inside one transaction (MVCC: readers are not blocked).
 * Embedded engine: it serialises connections per transaction, so one long load transaction would freeze the
 * dashboard and every progress or cancel write until it ends. There, rows are staged in private tables with
 * short autocommitted batches, and only the final swap (truncate, insert-select, record) is one transaction.
 */
export async function replaceTablesFromCsv(files: readonly CsvFileToLoad[], opts: ReplaceOptions = {}): Promise<LoadedFile[]> {
  const { engine, pool } = await getDb();
  const totalBytes = files.reduce((s, f) => s + (f.bytes ?? 0), 0);
  let bytesBefore = 0;
  const progressFor = (file: CsvFileToLoad) => (b: number) =>
    totalBytes && opts.onProgress?.((bytesBefore + b) / totalBytes, `loading ${file.fileName}`);
  const tables = [...new Set(files.map((f) => f.table))];

  const record = async (client: pg.PoolClient, ready: readonly ReadyFile[]): Promise<LoadedFile[]> => {
    for (const r of ready) {
      await client.query(
        `INSERT INTO ops.ingested_files (id, run_id, source, name, table_name, artifact_key, sha256, bytes, rows, duration_ms)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [r.fileId, opts.runId ?? null, r.file.source, r.file.fileName, r.file.table, r.file.artifactKey ?? null, r.stats.sha256, r.stats.bytes, r.stats.rows, r.durationMs],
      );
    }
    return ready.map((r) => ({ fileId: r.fileId, fileName: r.file.fileName, table: r.file.table, rows: r.stats.rows, bytes: r.stats.bytes, sha256: r.stats.sha256, durationMs: r.durationMs }));
  };

  if (engine === "postgres") {
    return withTransaction(async (client) => {
      await client.query(`TRUNCATE ${tables.map(ident).join(", ")}`);
      const ready: ReadyFile[] = [];
      for (const file of files) {
        const started = performance.now();
        const fileId = crypto.randomUUID();
        const stats = await loadFile(client, engine, file, fileId, file.table, opts, progressFor(file));
        bytesBefore += stats.bytes;
        ready.push({ file, fileId, stats, durationMs: Math.round(performance.now() - started) });
      }
      return record(client, ready);
    });
  }

  const client = await pool.connect();
  const ready: ReadyFile[] = [];
  try {
    await dropOrphanLoadTables(client);
    for (const file of files) {
      const started = performance.now();
      const fileId = crypto.randomUUID();
      const stagedIn = `staging.${LOAD_TABLE_PREFIX}${process.pid}_${fileId.replaceAll("-", "")}`;
      await client.query(`CREATE TABLE ${ident(stagedIn)} (LIKE ${ident(file.table)} INCLUDING DEFAULTS)`);
      ready.push({ file, fileId, stagedIn, stats: { rows: 0, bytes: 0, sha256: "" }, durationMs: 0 });
      const stats = await loadFile(client, engine, file, fileId, stagedIn, opts, progressFor(file));
      bytesBefore += stats.bytes;
      Object.assign(ready[ready.length - 1], { stats, durationMs: Math.round(performance.now() - started) });
    }
    opts.signal?.throwIfAborted();
    opts.onProgress?.(1, "replacing tables");
    await client.query("BEGIN");
    try {
      await client.query(`TRUNCATE ${tables.map(ident).join(", ")}`);
      for (const r of ready) await client.query(`INSERT INTO ${ident(r.file.table)} SELECT * FROM ${ident(r.stagedIn!)}`);
      const loaded = await record(client, ready);
      await client.query("COMMIT");
      return loaded;
    } catch (e) {
      await client.query("ROLLBACK").catch(() => {});
      throw e;
    }
  } finally {
    for (const r of ready) await client.query(`DROP TABLE IF EXISTS ${ident(r.stagedIn!)}`).catch(() => {});
    client.release();
  }
}
