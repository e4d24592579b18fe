import { query } from "../db/sql.ts";
import type { TableDigest } from "./table-checksum.ts";

/**
 * Records a table a run changed in place (a production table that is merged into, not rebuilt, so it gets no
 * per-run snapshot): its row count and content checksum right after the change. A retried step overwrites its own row.
 */
export async function recordTableOutput(runId: string, table: string, digest: TableDigest): Promise<void> {
  await query(
    `INSERT INTO ops.run_lineage (run_id, direction, kind, name, row_count, checksum) VALUES ($1, 'output', 'table', $2, $3, $4)
     ON CONFLICT (run_id, direction, kind, name) DO UPDATE SET row_count = EXCLUDED.row_count, checksum = EXCLUDED.checksum`,
    [runId, table, digest.rowCount, digest.checksum],
  );
}
