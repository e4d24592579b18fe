import { getDb } from "./client.ts";

/**
 * WAL the embedded data folder may hold before a step's end checkpoints it away: three segments. With wal_recycle
 * off (embedded-server.ts) the checkpoint removes the old segments instead of keeping them for reuse.
 */
const WAL_LIMIT_BYTES = 48 * 1024 * 1024;

/**
 * On the embedded engine, checkpoints when the WAL has grown past WAL_LIMIT_BYTES. PGlite's single backend never
 * checkpoints by itself, so every load's WAL stayed in the data folder (433 MB of pg_wal beside 283 MB of tables
 * after the default e-learning sample); a checkpoint removes all but the segments written since (wal_recycle off,
 * lib/db/embedded-server.ts).
 * Takes well under a second; a failure is logged and never fails the caller. A no-op on Postgres, whose
 * checkpointer does this on its own.
 */
export async function trimEmbeddedWal(limitBytes = WAL_LIMIT_BYTES): Promise<void> {
  try {
    const { engine, pool } = await getDb();
    if (engine !== "embedded") return;
    const { rows } = await pool.query<{ bytes: number }>("SELECT coalesce(sum(size), 0)::float8 AS bytes FROM pg_ls_waldir()");
    if ((rows[0]?.bytes ?? 0) > limitBytes) await pool.query("CHECKPOINT");
  } catch (e) {
    console.error("embedded database: could not checkpoint the WAL:", e);
  }
}
