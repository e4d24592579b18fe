import { SNAPSHOT_RUN_ID_CHARS, SNAPSHOT_TABLE_PART_CHARS } from "./config.ts";

/**
 * `snapshots.<table>__<first 12 hex digits of the run id>`, e.g. snapshots.elearning_users__3f2a9c0d11b4 (pure).
 * The name is only an address: ops.run_lineage (unique snapshot_table) maps run + table to it.
 */
export function snapshotName(table: string, runId: string): string {
  const base = table.slice(table.indexOf(".") + 1);
  const run = runId.replaceAll("-", "").toLowerCase().slice(0, SNAPSHOT_RUN_ID_CHARS);
  if (!/^[0-9a-f]+$/.test(run)) throw new RangeError(`snapshotName needs a UUID run id, got ${JSON.stringify(runId)}`);
  return `snapshots.${base.slice(0, SNAPSHOT_TABLE_PART_CHARS)}__${run}`;
}
