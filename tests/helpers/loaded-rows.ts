import { latestSnapshotRun } from "../../lib/lineage/latest-snapshot-run.ts";
import { snapshotOf } from "../../lib/lineage/snapshot-tables.ts";

/**
 * The relation holding a load's rows of `table` (e.g. staging.elearning_events): the snapshot of run `runId`, or of
 * the newest load when none is named. E-learning's raw.* and staging.* are emptied after each load
 * (RELEASED_AFTER_SNAPSHOT), so tests read what a load left where the product reads it.
 */
export async function loadedRows(table: string, runId?: string): Promise<string> {
  const run = runId ?? (await latestSnapshotRun(table));
  if (!run) throw new Error(`no load has left a snapshot of ${table}`);
  return (await snapshotOf(run, table)).relation;
}
