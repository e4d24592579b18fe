import { AppError } from "../errors.ts";
import { query } from "../db/sql.ts";
import { readModelArtifact } from "../registry/read-model-artifact.ts";
import type { ModelArtifact } from "../registry/types.ts";

/** The version a scoring or drift run uses, with its artifact (preprocessing, classifier, feature schema, lineage). */
export interface ScoringModel {
  versionId: string;
  model: string;
  version: number;
  family: string;
  dataset: string;
  /** the training run (its build-features output says which rows it was trained on) */
  trainingRunId: string | null;
  artifact: ModelArtifact;
}

/**
 * The champion of `modelName`, or the given version. NOT_FOUND with the fix when the model has no champion yet:
 * scoring needs a trained, promoted model.
 */
export async function scoringModel(modelName: string, version?: number): Promise<ScoringModel> {
  const [row] = await query<{ id: string; version: number; family: string; dataset: string; run_id: string | null; artifact_key: string | null }>(
    `SELECT v.id::text AS id, v.version, v.family, m.dataset, v.run_id::text AS run_id, v.artifact_key
       FROM ops.registered_models m
       JOIN ops.model_versions v ON v.model_id = m.id AND v.status = 'ready'
       LEFT JOIN ops.model_aliases a ON a.model_id = m.id AND a.alias = 'champion'
      WHERE m.name = $1 AND ($2::int IS NULL AND v.version = a.version OR v.version = $2::int)`,
    [modelName, version ?? null],
  );
  if (!row || !row.artifact_key) {
    throw new AppError(
      "NOT_FOUND",
      version === undefined
        ? `The model ${modelName} has no champion yet. To fix: run its training pipeline (a first version becomes champion), then score.`
        : `The model ${modelName} has no version ${version}. To fix: pick a version listed on /models/${modelName}.`,
      404,
    );
  }
  const artifact = await readModelArtifact(row.artifact_key);
  return { versionId: row.id, model: modelName, version: row.version, family: row.family, dataset: row.dataset, trainingRunId: row.run_id, artifact };
}
