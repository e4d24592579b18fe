import crypto from "node:crypto";
import type { Readable } from "node:stream";
import type pg from "pg";
import { getDb, type DbEngine } from "../db/client.ts";
import { isProcessAlive } from "../db/embedded-lock.ts";
import { bulkLoad, type ColumnBatch } from "../db/bulk-load.ts";
import { swapInTable } from "../db/side-table.ts";
import { ident } from "../db/sql.ts";
import { AppError } from "../errors.ts";
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
  /** The sha256 recorded when the file was stored: the load refuses to swap in bytes that differ from it. */
  expectedSha256?: string;
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

/** What a load's validation sees: the staged rows of every file, before they replace anything. */
export interface StagedLoad {
  /** Real table (e.g. raw.elearning_events) -> the private table holding this load's rows. */
  tables: Record<string, string>;
  /** File id (the rows' file_id) -> file name, for rejects of files not yet in ops.ingested_files. */
  fileNames: Record<string, string>;
}

export interface ReplaceOptions {
  runId?: string | null;
  signal?: AbortSignal;
  onProgress?(fraction: number, message: string): void;
  /**
   * Validates the staged rows before the swap (the data gate). Throwing leaves every target table exactly as it
   * was; what it records (dq runs, rejects) stays.
   */
  validate?(staged: StagedLoad): Promise<void>;
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
  /** The private table the rows were staged in (schema-qualified), and its bare name. */
  stagedIn: string;
  stagedName: string;
}

const LOAD_TABLE_PREFIX = "_load_";

/**
 * Rows per INSERT on the embedded engine, where each one holds PGlite's only session: a 10k-row batch of e-learning
 * events held it 0.3-0.47 s (bench ui-under-load, load average ~5) and every page query waited behind it.
 */
const EMBEDDED_BATCH_ROWS = 2_500;

/** Streams one file into `table` on `client`, returning what was read. */
async function loadFile(client: pg.PoolClient, engine: DbEngine, file: CsvFileToLoad, fileId: string, table: string, opts: Pick<ReplaceOptions, "signal">, progress: (bytes: number) => void): Promise<CsvReadStats> {
  const source = await file.open();
  let stats: CsvReadStats | undefined;
  try {
    const batchSize = engine === "embedded" ? EMBEDDED_BATCH_ROWS : undefined;
    const batches = readCsvBatches(source, { fileName: file.fileName, columns: file.columns, encoding: file.encoding, onBytes: progress, batchSize });
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
  return stats;
}

/**
 * Drops load tables left by a process that died mid-load. Embedded engine: the owner's pid is in the name (one host
 * owns the data folder). Real Postgres (workers on several hosts): a live load holds an advisory lock on its table's
 * name, so a table whose lock can be taken is orphaned.
 */
async function dropOrphanLoadTables(client: pg.PoolClient, engine: DbEngine): Promise<void> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'staging' AND tablename LIKE '${LOAD_TABLE_PREFIX}%'`);
  for (const { name } of rows) {
    const table = ident(`staging.${name}`);
    if (engine === "embedded") {
      const pid = Number(name.split("_")[2]);
      if (!Number.isInteger(pid) || !isProcessAlive(pid)) await client.query(`DROP TABLE IF EXISTS ${table}`);
      continue;
    }
    const { rows: lock } = await client.query<{ ok: boolean }>("SELECT pg_try_advisory_lock(hashtext($1)) AS ok", [name]);
    if (!lock[0].ok) continue;
    try {
      await client.query(`DROP TABLE IF EXISTS ${table}`);
    } finally {
      await client.query("SELECT pg_advisory_unlock(hashtext($1))", [name]);
    }
  }
}

export class ChangedArtifactError extends AppError {
  constructor(fileName: string, expected: string, actual: string, artifactKey?: string) {
    super("CONFLICT", `${fileName}${artifactKey ? ` (${artifactKey})` : ""} changed since it was stored: sha256 recorded ${expected.slice(0, 12)}…, read ${actual.slice(0, 12)}…. Nothing was replaced. To fix: store the file again (a new upload or run).`, 409);
  }
}

/**
 * Replaces the given tables with the contents of the files atomically: a bad file, a failed validation, a changed
 * artifact, a crash or a cancel leaves the tables exactly as they were, and a rerun with the same files leaves the
 * same rows. Each load is recorded in ops.ingested_files (name, sha256, bytes, rows, duration).
 *
 * Three phases, on both engines:
 * 1. stage: each file streams into a private table staging._load_<pid>_<file id> with short autocommitted batches
 *    (the embedded engine serialises connections per transaction, so one long load transaction would freeze the
 *    dashboard and every progress or cancel write);
 * 2. verify: each file's sha256 against its recorded one, then `validate` (the data gate) on the staged tables;
 * 3. swap: one short, catalog-only transaction makes the staged tables the targets and records the files.
 */
export async function replaceTablesFromCsv(files: readonly CsvFileToLoad[], opts: ReplaceOptions = {}): Promise<LoadedFile[]> {
  const { engine, pool } = await getDb();
  const totalBytes = files.reduce((s, f) => s + (f.bytes ?? 0), 0);
  let bytesBefore = 0;
  const progressFor = (file: CsvFileToLoad) => (b: number) =>
    totalBytes && opts.onProgress?.((bytesBefore + b) / totalBytes, `loading ${file.fileName}`);
  const client = await pool.connect();
  const ready: ReadyFile[] = [];
  try {
    return await stageVerifySwap();
  } catch (e) {
    await recordFailedLoad(pool, ready, opts.runId ?? undefined, e);
    throw e;
  } finally {
    for (const r of ready) {
      await client.query(`DROP TABLE IF EXISTS ${ident(r.stagedIn)}`).catch(() => {});
      if (engine === "postgres") await client.query("SELECT pg_advisory_unlock(hashtext($1))", [r.stagedName]).catch(() => {});
    }
    client.release();
  }

  async function stageVerifySwap(): Promise<LoadedFile[]> {
    await dropOrphanLoadTables(client, engine);
    for (const file of files) {
      const started = performance.now();
      const fileId = crypto.randomUUID();
      const name = `${LOAD_TABLE_PREFIX}${process.pid}_${fileId.replaceAll("-", "")}`;
      const stagedIn = `staging.${name}`;
      if (engine === "postgres") await client.query("SELECT pg_advisory_lock(hashtext($1))", [name]);
      // Shaped like the target with its keys and indexes: the gate's foreign-key probes use them, and the swap makes
      // this table the target as it is.
      await client.query(`CREATE TABLE ${ident(stagedIn)} (LIKE ${ident(file.table)} INCLUDING ALL)`);
      ready.push({ file, fileId, stagedIn, stagedName: name, stats: { rows: 0, bytes: 0, sha256: "" }, durationMs: 0 });
      const stats = await loadFile(client, engine, file, fileId, stagedIn, opts, progressFor(file));
      bytesBefore += stats.bytes;
      await client.query(`ANALYZE ${ident(stagedIn)}`); // the gate's plans need the staged table's statistics
      Object.assign(ready[ready.length - 1], { stats, durationMs: Math.round(performance.now() - started) });
      // Verified before anything is replaced: bytes that are not the recorded ones never reach the targets.
      if (file.expectedSha256 && stats.sha256 !== file.expectedSha256) throw new ChangedArtifactError(file.fileName, file.expectedSha256, stats.sha256, file.artifactKey);
    }
    opts.signal?.throwIfAborted();
    if (opts.validate) {
      opts.onProgress?.(1, "validating the staged rows");
      await opts.validate({
        tables: Object.fromEntries(ready.map((r) => [r.file.table, r.stagedIn])),
        fileNames: Object.fromEntries(ready.map((r) => [r.fileId, r.file.fileName])),
      });
    }
    opts.signal?.throwIfAborted();
    opts.onProgress?.(1, "replacing tables");
    await client.query("BEGIN");
    try {
      // The staged tables become the targets (catalog-only, short): copying 480k rows held the database 12-30 s.
      for (const r of ready) await swapInTable(client, r.file.table, r.stagedIn);
      for (const r of ready) {
        await client.query(
          `INSERT INTO ops.ingested_files (id, run_id, source, name, table_name, artifact_key, sha256, bytes, rows, duration_ms)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
          [r.fileId, opts.runId ?? null, r.file.source, r.file.fileName, r.file.table, r.file.artifactKey ?? null, r.stats.sha256, r.stats.bytes, r.stats.rows, r.durationMs],
        );
      }
      await client.query("COMMIT");
    } catch (e) {
      await client.query("ROLLBACK").catch(() => {});
      throw e;
    }
    return ready.map((r) => ({ fileId: r.fileId, fileName: r.file.fileName, table: r.file.table, rows: r.stats.rows, bytes: r.stats.bytes, sha256: r.stats.sha256, durationMs: r.durationMs }));
  }
}

const MAX_ERROR_CHARS = 2000;

/**
 * A load that stopped replaced nothing, but the files it read are still recorded (status "failed", with the reason
 * and what was read so far), so /data lists the attempt beside the loads that landed and a reject's file id
 * resolves to its file. Outside the load's transaction: the record survives the rollback. A failure to record is
 * logged, never allowed to hide the load's own error.
 */
async function recordFailedLoad(pool: pg.Pool, ready: readonly ReadyFile[], runId: string | undefined, cause: unknown): Promise<void> {
  const message = (cause instanceof Error ? cause.message : String(cause)).slice(0, MAX_ERROR_CHARS);
  for (const r of ready) {
    await pool
      .query(
        `INSERT INTO ops.ingested_files (id, run_id, source, name, table_name, artifact_key, sha256, bytes, rows, duration_ms, status, error)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'failed', $11) ON CONFLICT (id) DO NOTHING`,
        [r.fileId, runId ?? null, r.file.source, r.file.fileName, r.file.table, r.file.artifactKey ?? null, r.stats.sha256 || (r.file.expectedSha256 ?? ""), r.stats.bytes, r.stats.rows, r.durationMs, message],
      )
      .catch((e) => console.error(`could not record the failed load of ${r.file.fileName}:`, e));
  }
}
