export { SNAPSHOT_RETENTION } from "./config.ts";
export { recordArtifactOutput } from "./record-artifact-output.ts";
export { getRunLineage, type LineageEntry, type RunLineage } from "./run-lineage.ts";
export { snapshotName } from "./snapshot-name.ts";
export { applySnapshotRetention, pinSnapshot, recordStagingOutputs, snapshotOf, snapshotStagingTable, useSnapshot, type SnapshotRef, type StagingOutput } from "./snapshot-tables.ts";
export { STAGING_TABLES, stagingTablesOf } from "./staging-tables.ts";
export { CHUNK_ROWS, combineChecksums, digestTable, primaryKeyOf, type TableDigest } from "./table-checksum.ts";
export { latestSnapshotRun } from "./latest-snapshot-run.ts";
