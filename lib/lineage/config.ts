import { getEnv } from "../env.ts";

/**
 * Snapshots kept per staging table (newest first): CHURNOPS_SNAPSHOT_RETENTION, default 5. Pinned snapshots, and
 * those another run's lineage names as an input (a model was trained on them), are kept on top of these. Five
 * covers a week of daily loads to compare against without letting a daily schedule grow the database without bound.
 */
export const snapshotRetention = (): number => getEnv().CHURNOPS_SNAPSHOT_RETENTION;

/** Length of the run-id part of a snapshot's name: 12 hex digits (48 bits), unique enough per table and short. */
export const SNAPSHOT_RUN_ID_CHARS = 12;

/** PostgreSQL truncates identifiers at 63 bytes; the table part is cut so the run part always fits. */
export const SNAPSHOT_TABLE_PART_CHARS = 63 - 2 - SNAPSHOT_RUN_ID_CHARS;

/**
 * Staging tables whose snapshots the embedded engine stores as compressed line blocks behind a view
 * (lib/lineage/snapshot-blocks.ts, decision 017): the big ones. Their chunked readers use snapshotLineRanges.
 */
export const BLOCK_SNAPSHOT_TABLES: ReadonlySet<string> = new Set(["staging.elearning_events"]);
