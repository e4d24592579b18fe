import type pg from "pg";
import { query, type Queryable } from "../db/sql.ts";
import { AppError } from "../errors.ts";
import type { FeatureSpec } from "./feature-spec.ts";

// features.feature_builds: one row per finished build (table, source run, feature-set version). A build removes its
// row first and writes it last, so a reader that finds the row knows every feature row of that build is in place.

export interface FeatureBuildRecord {
  featureTable: string;
  sourceRunId: string;
  featureSetVersion: number;
  rows: number;
  labelledRows: number;
  features: FeatureSpec[];
  params: Record<string, unknown>;
  durationMs: number;
}

export async function forgetFeatureBuild(client: Queryable, featureTable: string, sourceRunId: string, featureSetVersion: number): Promise<void> {
  await client.query("DELETE FROM features.feature_builds WHERE feature_table = $1 AND source_run_id = $2 AND feature_set_version = $3", [
    featureTable, sourceRunId, featureSetVersion,
  ]);
}

export async function recordFeatureBuild(client: Queryable, b: FeatureBuildRecord): Promise<void> {
  await client.query(
    `INSERT INTO features.feature_builds (feature_table, source_run_id, feature_set_version, rows, labelled_rows, features, params, duration_ms)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (feature_table, source_run_id, feature_set_version) DO UPDATE SET rows = EXCLUDED.rows, labelled_rows = EXCLUDED.labelled_rows,
       features = EXCLUDED.features, params = EXCLUDED.params, duration_ms = EXCLUDED.duration_ms, built_at = now()`,
    [b.featureTable, b.sourceRunId, b.featureSetVersion, b.rows, b.labelledRows, JSON.stringify(b.features), JSON.stringify(b.params), Math.round(b.durationMs)],
  );
}

type BuildRow = { rows: number; labelled_rows: number; features: FeatureSpec[]; params: Record<string, unknown>; duration_ms: number };

/** The finished build, or null when there is none. */
export async function findFeatureBuild(featureTable: string, sourceRunId: string, featureSetVersion: number): Promise<FeatureBuildRecord | null> {
  return getFeatureBuild(featureTable, sourceRunId, featureSetVersion).catch((e: unknown) => {
    if (e instanceof AppError && e.code === "NOT_FOUND") return null;
    throw e;
  });
}

/** The finished build, or NOT_FOUND saying which build step to run. */
export async function getFeatureBuild(featureTable: string, sourceRunId: string, featureSetVersion: number, client?: pg.PoolClient): Promise<FeatureBuildRecord> {
  const [row] = await query<BuildRow>(
    "SELECT rows, labelled_rows, features, params, duration_ms FROM features.feature_builds WHERE feature_table = $1 AND source_run_id = $2 AND feature_set_version = $3",
    [featureTable, sourceRunId, featureSetVersion],
    client,
  );
  if (!row) {
    throw new AppError("NOT_FOUND", `No finished feature build of ${featureTable} (version ${featureSetVersion}) exists for load run ${sourceRunId}. To fix: run the features step of the training pipeline for that load run.`, 404);
  }
  return { featureTable, sourceRunId, featureSetVersion, rows: row.rows, labelledRows: row.labelled_rows, features: row.features, params: row.params, durationMs: row.duration_ms };
}
