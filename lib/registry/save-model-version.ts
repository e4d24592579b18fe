import crypto from "node:crypto";
import { query, withTransaction, type Queryable } from "../db/sql.ts";
import { AppError } from "../errors.ts";
import { pinSnapshot } from "../lineage/snapshot-tables.ts";
import { putArtifact } from "../storage/artifact-records.ts";
import { artifactJson, plainJson } from "./artifact-json.ts";
import { metricDirection } from "./decide-promotion.ts";
import { assertModelName, modelArtifactKey } from "./model-artifact-key.ts";
import type { EmitEvents, ModelArtifact, ModelIdentity, SavedModelVersion, SaveModelVersionInput } from "./types.ts";

// Registering a trained model, safe to retry (a pipeline step may run again after a crash):
//  1. one transaction reserves the version: the (model, run) pair is unique, so a retry finds its earlier number
//     instead of taking the next one;
//  2. the artifacts are written under models/<name>/<version>/ (write-once; the same bytes again are a no-op, and
//     the bytes depend only on the content, the reserved row's timestamp included);
//  3. one transaction marks the version ready, stores the importances and emits model.trained with it. A retry of
//     an already ready version changes nothing and emits nothing.

type VersionRow = { id: string; version: number; status: string; created_at: Date };

export async function saveModelVersion(input: SaveModelVersionInput, opts: { emit: EmitEvents }): Promise<SavedModelVersion> {
  const name = assertModelName(input.model.name);
  const family = input.modelJson.family;
  const primaryMetric = input.model.primaryMetric;
  const raw = (input.metrics as Record<string, unknown>)[primaryMetric];
  const primaryMetricValue = typeof raw === "number" && Number.isFinite(raw) ? raw : null;
  const metrics = plainJson<Record<string, unknown>>(input.metrics);
  const params = plainJson<Record<string, unknown>>(input.params);
  const lineage = plainJson<SaveModelVersionInput["lineage"]>(input.lineage);

  const { modelId, row } = await withTransaction(async (client) => {
    const modelId = await upsertModel(client, input.model);
    const [existing] = await query<VersionRow>("SELECT id, version, status, created_at FROM ops.model_versions WHERE model_id = $1 AND run_id = $2", [modelId, input.runId], client);
    if (existing) return { modelId, row: existing };
    const [created] = await query<VersionRow>(
      `INSERT INTO ops.model_versions (id, model_id, version, family, metrics, params, primary_metric_value, data_hash, snapshots, feature_set_version, run_id)
       SELECT $1, $2, COALESCE(max(version), 0) + 1, $3, $4::jsonb, $5::jsonb, $6, $7, $8::jsonb, $9, $10 FROM ops.model_versions WHERE model_id = $2
       RETURNING id, version, status, created_at`,
      [crypto.randomUUID(), modelId, family, JSON.stringify(metrics), JSON.stringify(params), primaryMetricValue, lineage.dataHash, JSON.stringify(lineage.snapshots), lineage.featureSetVersion, input.runId],
      client,
    );
    return { modelId, row: created };
  });

  const keys = {
    artifact: modelArtifactKey(name, row.version, "model.json"),
    importances: modelArtifactKey(name, row.version, "importances.json"),
    shapSample: modelArtifactKey(name, row.version, "shap-sample.json"),
  };
  const result = (sha: string, created: boolean): SavedModelVersion => ({
    modelId, versionId: row.id, model: name, version: row.version, family, artifactKey: keys.artifact, artifactSha256: sha,
    importancesKey: keys.importances, shapSampleKey: keys.shapSample, primaryMetric, primaryMetricValue, created,
  });
  if (row.status === "ready") {
    const [{ artifact_sha256 }] = await query<{ artifact_sha256: string }>("SELECT artifact_sha256 FROM ops.model_versions WHERE id = $1", [row.id]);
    return result(artifact_sha256, false);
  }

  if (input.pinSnapshots ?? true) for (const s of input.lineage.snapshots) await pinSnapshot(s.runId, s.table);

  const ranked = [...input.importances].sort((a, b) => b.mean_abs_shap - a.mean_abs_shap || (a.feature < b.feature ? -1 : 1));
  const artifact: ModelArtifact = {
    format: "churnops.model/v1", model: name, version: row.version, family, dataset: input.model.dataset, primaryMetric,
    runId: input.runId, createdAt: row.created_at.toISOString(), preprocessing: input.preprocessing, classifier: input.modelJson,
    featureSchema: input.featureSchema, lineage, params, metrics,
    // Only when present, so the bytes (and sha256) of an uncalibrated version stay what they were.
    ...(input.calibration ? { calibration: input.calibration } : {}),
    ...(input.explanation ? { explanation: plainJson<ModelArtifact["explanation"]>(input.explanation) } : {}),
  };
  const meta = { contentType: "application/json", runId: input.runId };
  const stored = await putArtifact(keys.artifact, artifactJson(artifact), { kind: "model", ...meta });
  await putArtifact(keys.importances, artifactJson({ model: name, version: row.version, importances: ranked.map((r, i) => ({ rank: i + 1, ...r })) }), { kind: "model-importances", ...meta });
  await putArtifact(keys.shapSample, artifactJson(input.shapSample), { kind: "model-shap-sample", ...meta });

  const created = await withTransaction(async (client) => {
    const updated = await query(
      `UPDATE ops.model_versions SET status = 'ready', artifact_key = $2, artifact_sha256 = $3, importances_key = $4, shap_sample_key = $5
        WHERE id = $1 AND status = 'registering' RETURNING id`,
      [row.id, keys.artifact, stored.sha256, keys.importances, keys.shapSample],
      client,
    );
    if (!updated.length) return false; // a concurrent attempt finished first; it stored the same bytes and emitted
    await query("DELETE FROM ops.feature_importances WHERE version_id = $1", [row.id], client);
    if (ranked.length) {
      await query(
        `INSERT INTO ops.feature_importances (version_id, feature, mean_abs_shap, rank)
         SELECT $1, f, v, r FROM unnest($2::text[], $3::float8[], $4::int[]) AS t(f, v, r)`,
        [row.id, ranked.map((r) => r.feature), ranked.map((r) => (Number.isFinite(r.mean_abs_shap) ? r.mean_abs_shap : 0)), ranked.map((_, i) => i + 1)],
        client,
      );
    }
    await opts.emit(
      { name: "churnops/model.trained", data: { runId: input.runId, model: name, version: row.version, primaryMetric, value: primaryMetricValue } },
      client,
    );
    return true;
  });
  return result(stored.sha256, created);
}

/** Creates the registered model on first use; later saves keep its dataset and follow a changed primary metric. */
async function upsertModel(client: Queryable, model: ModelIdentity): Promise<string> {
  const direction = model.direction ?? metricDirection(model.primaryMetric);
  // DO UPDATE (not DO NOTHING) so the row is locked until commit: two saves of one model take numbers in turn.
  const [row] = await query<{ id: string; dataset: string }>(
    `INSERT INTO ops.registered_models (id, name, dataset, primary_metric, metric_direction) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (name) DO UPDATE SET primary_metric = EXCLUDED.primary_metric, metric_direction = EXCLUDED.metric_direction
     RETURNING id, dataset`,
    [crypto.randomUUID(), model.name, model.dataset, model.primaryMetric, direction],
    client,
  );
  if (row.dataset !== model.dataset) {
    throw new AppError("CONFLICT", `The model name "${model.name}" is registered for dataset "${row.dataset}", not "${model.dataset}". To fix: train under another model name (each dataset has its own).`, 409);
  }
  return row.id;
}
