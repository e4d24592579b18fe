// Test support for the feature tests (imported by *.test.ts only): a finished "load run" whose staging snapshot
// holds exactly the hand-made rows a test wrote, so builds read them through snapshotOf like real runs.
import { randomUUID } from "node:crypto";
import { query } from "../db/sql.ts";
import { recordStagingOutputs } from "../lineage/snapshot-tables.ts";

export const TEST_FILE_ID = "00000000-0000-4000-8000-000000000001";

/** Replaces the given staging tables by `rows` (column -> value objects), then snapshots them as a new run's output. */
export async function sourceRunWith(tables: Record<string, Record<string, unknown>[]>): Promise<string> {
  const runId = randomUUID();
  await query(
    `INSERT INTO ops.pipeline_runs (id, pipeline_id, trigger, executor, status, concurrency_key, created_at)
     VALUES ($1, 'features-test', 'cli', 'local', 'succeeded', 'features-test', '2025-02-01T12:00:00Z')`,
    [runId],
  );
  for (const [table, rows] of Object.entries(tables)) {
    await query(`TRUNCATE ${table}`);
    const [schema, name] = table.split(".");
    const [{ lines }] = await query<{ lines: boolean }>(
      "SELECT count(*) = 2 AS lines FROM information_schema.columns WHERE table_schema = $1 AND table_name = $2 AND column_name IN ('file_id', 'source_line')",
      [schema, name],
    );
    for (const [i, row] of rows.entries()) {
      const cols = [...Object.keys(row), ...(lines ? ["file_id", "source_line"] : [])];
      const values = [...Object.values(row), ...(lines ? [TEST_FILE_ID, i + 1] : [])];
      await query(`INSERT INTO ${table} (${cols.join(", ")}) VALUES (${cols.map((_, j) => `$${j + 1}`).join(", ")})`, values);
    }
  }
  await recordStagingOutputs(runId, Object.keys(tables));
  return runId;
}
