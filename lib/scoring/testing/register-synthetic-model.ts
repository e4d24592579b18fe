// Test, e2e and bench support: registers a model fitted on the synthetic churn data through the registry's own
// functions (save, then the champion alias), as a training run would, without the minutes a real training takes.
import crypto from "node:crypto";
import { evaluateBinary } from "../../ml/metrics/evaluate-binary.ts";
import { query } from "../../db/sql.ts";
import { promoteVersion } from "../../registry/promote-version.ts";
import { saveModelVersion } from "../../registry/save-model-version.ts";
import { getChampion } from "../../registry/queries.ts";
import { outboxEmit } from "../../registry/testing.ts";
import type { RawFrame } from "../../ml/types.ts";
import { fitSynthetic, syntheticChurnFrame } from "./synthetic-churn.ts";

export interface RegisteredSynthetic {
  model: string;
  version: number;
  artifactKey: string;
  frame: RawFrame;
}

/**
 * Fits `family` on `rows` synthetic customers and registers it as the next version of `model`; with `champion`
 * (default true) that version becomes the champion (the first through the alias, later ones by a manual promote).
 */
export async function registerSyntheticModel(model: string, family: "logistic-regression" | "gradient-boosting", opts: { rows?: number; seed?: number; champion?: boolean; dataset?: string; extraNumeric?: number } = {}): Promise<RegisteredSynthetic> {
  const frame = syntheticChurnFrame(opts.rows ?? 600, opts.seed ?? 7, { extraNumeric: opts.extraNumeric ?? 0 });
  const { preprocessor, model: fitted, artifact } = fitSynthetic(frame, family, { model });
  const runId = crypto.randomUUID();
  await query(`INSERT INTO ops.pipeline_runs (id, pipeline_id, trigger, executor, status, concurrency_key) VALUES ($1, 'train-synthetic', 'manual', 'local', 'succeeded', 'train-synthetic')`, [runId]);
  const report = evaluateBinary(frame.labels!, fitted.probability(preprocessor.transform(frame).matrix));
  const saved = await saveModelVersion(
    {
      model: { name: model, dataset: opts.dataset ?? "synthetic", primaryMetric: "roc_auc" },
      runId,
      modelJson: artifact.classifier,
      preprocessing: artifact.preprocessing,
      featureSchema: artifact.featureSchema,
      params: { family },
      metrics: report,
      lineage: { dataHash: crypto.createHash("sha256").update(runId).digest("hex"), featureSetVersion: "synthetic-v1", snapshots: [] },
      importances: [],
      shapSample: { rows: [], features: [] },
      pinSnapshots: false,
      ...(artifact.explanation ? { explanation: artifact.explanation } : {}),
    },
    { emit: outboxEmit(runId) },
  );
  if (opts.champion ?? true) {
    const current = await getChampion(model);
    if (current?.version !== saved.version) await promoteVersion(model, saved.version, { actor: "test", reason: "synthetic model for tests" });
  }
  return { model, version: saved.version, artifactKey: saved.artifactKey, frame };
}
