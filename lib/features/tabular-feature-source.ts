import { AppError } from "../errors.ts";
import { snapshotOf } from "../lineage/snapshot-tables.ts";
import type { DatasetColumn } from "../sources/tabular/dataset-columns.ts";
import { getDatasetVersion } from "../sources/tabular/dataset-queries.ts";
import type { FeatureSpec } from "./feature-spec.ts";
import type { FrameSource } from "./load-frame.ts";

// Tabular datasets need no features.* table: their confirmed columns are the features, as they are. The staging
// build already typed them (numeric float8, boolean, date/timestamp, categorical text, target smallint 0/1) and
// the load run snapshotted that table, so a frame reads the snapshot directly: a model's rows are exactly the
// rows that load produced, whatever was loaded after it. Free-text columns are not features (every value is its
// own category); ignored columns are not in staging at all.

/** The features of a confirmed dataset version: its feature-role columns except free text, by their SQL names. */
export function tabularFeatures(columns: readonly DatasetColumn[]): FeatureSpec[] {
  const out: FeatureSpec[] = [];
  for (const c of columns) {
    if (c.role !== "feature" || c.type === "text") continue;
    out.push({ name: c.column, kind: c.type });
  }
  return out;
}

/** The frame source of a loaded dataset version: its load run's snapshot, id column = entity, target = label. */
export async function tabularFeatureSource(datasetVersionId: string): Promise<FrameSource & { snapshotRunId: string; stagingTable: string }> {
  const v = await getDatasetVersion(datasetVersionId);
  if (!v) throw new AppError("NOT_FOUND", `Dataset version ${datasetVersionId} does not exist. To fix: pick a version from /data or \`churnops datasets\`.`, 404);
  if (v.status !== "loaded" || !v.runId) {
    throw new AppError("CONFLICT", `Dataset ${v.datasetName} v${v.version} is ${v.status}, not loaded. To fix: confirm its columns and run tabular-load for it first.`, 409);
  }
  const id = v.columns.find((c) => c.role === "id");
  const target = v.columns.find((c) => c.role === "target");
  if (!id || !target) {
    throw new AppError("CONFLICT", `Dataset ${v.datasetName} v${v.version} has no ${id ? "target" : "id"} column. To fix: confirm an id and a target column, then load it again.`, 409);
  }
  const snapshot = await snapshotOf(v.runId, v.stagingTable);
  return {
    relation: snapshot.relation,
    entityColumn: id.column,
    labelColumn: target.column,
    orderKey: [{ column: "file_id", type: "uuid" }, { column: "source_line", type: "integer" }],
    features: tabularFeatures(v.columns),
    snapshotRunId: v.runId,
    stagingTable: v.stagingTable,
  };
}
