import { getDb } from "../db/client.ts";
import { ident, query, type Queryable } from "../db/sql.ts";
import { AppError } from "../errors.ts";
import { BLOCK_SNAPSHOT_TABLES, snapshotRetention } from "./config.ts";
import { createBlockSnapshot, dropSnapshotRelation } from "./snapshot-blocks.ts";
import { snapshotName } from "./snapshot-name.ts";
import { digestTable, primaryKeyOf, type TableDigest } from "./table-checksum.ts";

// Per-run snapshots of staging tables (docs/decisions/004-run-snapshots.md): after a run builds staging.<t>, its
// rows are copied to snapshots."<t>__<run>" in short chunks, with the row count and content checksum recorded as
// the run's output in ops.run_lineage. A later pipeline asks snapshotOf(runId, table) and reads exactly those rows,
// however many loads came after.

export interface StagingOutput {
  table: string;
  snapshotTable: string;
  rowCount: number;
  checksum: string;
}

/**
 * Rows per copying statement on the embedded engine, where each one holds PGlite's only session: a 50k-row chunk of
 * e-learning events held it 0.35-0.45 s (bench ui-under-load, load average ~5) and every page query waited behind it.
 */
const EMBEDDED_COPY_ROWS = 10_000;

/**
 * Snapshots one staging table as `runId`'s output and records it (row count, checksum) in ops.run_lineage, then
 * applies retention to that table's snapshots. Idempotent: a retried step replaces its own run's snapshot.
 */
export async function snapshotStagingTable(runId: string, table: string, opts: { keep?: number; signal?: AbortSignal } = {}): Promise<StagingOutput> {
  const { engine, pool } = await getDb();
  const snapshotTable = snapshotName(table, runId);
  // The row exists before the copy starts, so a crash mid-copy leaves a named (incomplete) snapshot that retention
  // drops later, never an orphan table nothing points at.
  await query(
    `INSERT INTO ops.run_lineage (run_id, direction, kind, name, snapshot_table) VALUES ($1, 'output', 'table', $2, $3)
     ON CONFLICT (run_id, direction, kind, name) DO UPDATE SET snapshot_table = EXCLUDED.snapshot_table, row_count = NULL, checksum = NULL`,
    [runId, table, snapshotTable],
  );
  await dropSnapshotRelation(pool, snapshotTable);
  const chunkRows = engine === "embedded" ? EMBEDDED_COPY_ROWS : undefined;
  // The embedded engine keeps its big snapshots as compressed blocks (its data folder is the user's disk: decision
  // 017); real Postgres keeps rows, which scan 2.4× faster.
  const digest = engine === "embedded" && BLOCK_SNAPSHOT_TABLES.has(table)
    ? await createBlockSnapshot(pool, table, snapshotTable, { chunkRows, signal: opts.signal })
    : await copyAsRows(pool, table, snapshotTable, { chunkRows, signal: opts.signal });
  await query("UPDATE ops.run_lineage SET row_count = $4, checksum = $5 WHERE run_id = $1 AND direction = 'output' AND kind = 'table' AND name = $2 AND snapshot_table = $3", [
    runId, table, snapshotTable, digest.rowCount, digest.checksum,
  ]);
  await applySnapshotRetention(table, opts.keep);
  return { table, snapshotTable, ...digest };
}

/** A row snapshot: the table's columns and key, filled chunk by chunk with the checksum of each chunk. */
async function copyAsRows(pool: Queryable, table: string, snapshotTable: string, opts: { chunkRows?: number; signal?: AbortSignal }): Promise<TableDigest> {
  const key = await primaryKeyOf(pool, table);
  // LIKE copies columns, types and NOT NULL (same row text, so the same checksum); only the key is added, for
  // chunked reads of the snapshot later. Other indexes would slow the copy and are not needed to read it whole.
  await pool.query(`CREATE TABLE ${ident(snapshotTable)} (LIKE ${ident(table)}, PRIMARY KEY (${key.map((k) => ident(k.name)).join(", ")}))`);
  return digestTable(pool, table, { copyInto: snapshotTable, ...opts });
}

/** Snapshots each table in turn (one at a time: on the embedded engine statements queue anyway). */
export async function recordStagingOutputs(runId: string, tables: readonly string[], opts: { keep?: number; signal?: AbortSignal } = {}): Promise<StagingOutput[]> {
  const outputs: StagingOutput[] = [];
  for (const table of tables) outputs.push(await snapshotStagingTable(runId, table, opts));
  return outputs;
}

export interface SnapshotRef {
  /** qualified relation to read, e.g. snapshots.elearning_users__3f2a9c0d11b4 (quote it with ident()) */
  relation: string;
  table: string;
  runId: string;
  rowCount: number;
  checksum: string;
  pinned: boolean;
}

type SnapshotRow = { run_id: string; name: string; snapshot_table: string | null; row_count: string | null; checksum: string | null; pinned: boolean };

/** The rows of `table` that run `runId` produced, as a relation to read. Throws NOT_FOUND with the reason. */
export async function snapshotOf(runId: string, table: string): Promise<SnapshotRef> {
  const [row] = await query<SnapshotRow>(
    "SELECT run_id, name, snapshot_table, row_count::text, checksum, pinned FROM ops.run_lineage WHERE run_id = $1 AND direction = 'output' AND kind = 'table' AND name = $2",
    [runId, table],
  );
  if (!row) throw new AppError("NOT_FOUND", `Run ${runId} did not produce ${table}. To fix: pick a run whose lineage lists it as an output (the run page shows them).`, 404);
  if (!row.snapshot_table) {
    throw new AppError("NOT_FOUND", `The snapshot of ${table} from run ${runId} was dropped by retention (the last ${snapshotRetention()} per table are kept, plus pinned ones; CHURNOPS_SNAPSHOT_RETENTION). To fix: rerun the load with the same inputs, and pin snapshots a model uses.`, 404);
  }
  if (row.checksum === null || row.row_count === null) throw new AppError("NOT_FOUND", `The snapshot of ${table} from run ${runId} is incomplete (the run stopped while copying it).`, 404);
  return { relation: row.snapshot_table, table, runId, rowCount: Number(row.row_count), checksum: row.checksum, pinned: row.pinned };
}

/** Keeps a snapshot forever (until unpinned): what a trained model's data must be. */
export async function pinSnapshot(runId: string, table: string, pinned = true): Promise<void> {
  const ref = await snapshotOf(runId, table);
  await query("UPDATE ops.run_lineage SET pinned = $2 WHERE snapshot_table = $1", [ref.relation, pinned]);
}

/**
 * Drops all but the newest `keep` snapshots of `table`, except pinned ones and any another run's lineage names as
 * an input. The lineage row stays (with its row count and checksum); only snapshot_table becomes null.
 */
export async function applySnapshotRetention(table: string, keep = snapshotRetention()): Promise<string[]> {
  if (!Number.isInteger(keep) || keep < 1) throw new RangeError(`applySnapshotRetention keeps at least 1 snapshot, got ${keep}`);
  const doomed = await query<{ id: string; snapshot_table: string }>(
    `SELECT id::text, snapshot_table FROM (
       SELECT l.id, l.snapshot_table, l.pinned, row_number() OVER (ORDER BY l.created_at DESC, l.id DESC) AS age
         FROM ops.run_lineage l
        WHERE l.direction = 'output' AND l.kind = 'table' AND l.name = $1 AND l.snapshot_table IS NOT NULL) s
      WHERE s.age > $2 AND NOT s.pinned
        AND NOT EXISTS (SELECT 1 FROM ops.run_lineage u WHERE u.direction = 'input' AND u.kind = 'table' AND u.name = s.snapshot_table)`,
    [table, keep],
  );
  const { pool } = await getDb();
  for (const d of doomed) {
    await dropSnapshotRelation(pool, d.snapshot_table);
    await query("UPDATE ops.run_lineage SET snapshot_table = NULL WHERE id = $1", [d.id]);
  }
  return doomed.map((d) => d.snapshot_table);
}

/**
 * Reads a snapshot as `consumerRunId`'s input (what training calls): records it in the consumer's lineage, which
 * also keeps retention from ever dropping it, and returns where to read it.
 */
export async function useSnapshot(consumerRunId: string, producerRunId: string, table: string): Promise<SnapshotRef> {
  const ref = await snapshotOf(producerRunId, table);
  await query(
    `INSERT INTO ops.run_lineage (run_id, direction, kind, name, row_count, checksum, source_run_id) VALUES ($1, 'input', 'table', $2, $3, $4, $5)
     ON CONFLICT (run_id, direction, kind, name) DO NOTHING`,
    [consumerRunId, ref.relation, ref.rowCount, ref.checksum, producerRunId],
  );
  return ref;
}
