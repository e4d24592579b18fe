import { query } from "../db/sql.ts";

/**
 * The newest succeeded run whose snapshot of `table` still exists and is complete: what "train on the latest data"
 * means. Null when no load has produced one yet (or retention dropped them all).
 */
export async function latestSnapshotRun(table: string): Promise<string | null> {
  const [row] = await query<{ run_id: string }>(
    `SELECT l.run_id::text AS run_id
       FROM ops.run_lineage l JOIN ops.pipeline_runs r ON r.id = l.run_id
      WHERE l.direction = 'output' AND l.kind = 'table' AND l.name = $1
        AND l.snapshot_table IS NOT NULL AND l.checksum IS NOT NULL AND r.status = 'succeeded'
      ORDER BY r.finished_at DESC NULLS LAST, r.created_at DESC
      LIMIT 1`,
    [table],
  );
  return row?.run_id ?? null;
}
