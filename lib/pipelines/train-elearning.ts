import { z } from "zod";
import { AppError } from "../errors.ts";
import { ensureElearningFeatures } from "../features/build-elearning-features.ts";
import { latestSnapshotRun, STAGING_TABLES } from "../lineage/index.ts";
import { definePipeline, defineStep, type StepContext } from "./pipeline-definition.ts";
import { trainingSteps } from "./train/train-steps.ts";
import { emptyAsUndefined, useSnapshots } from "./train/training-snapshots.ts";
import { buildFeaturesRef } from "./train/training-target.ts";

export const TRAIN_ELEARNING = "train-elearning";

const params = z.object({
  sourceRunId: z
    .preprocess(emptyAsUndefined, z.string().uuid("a load run id (a UUID)").optional())
    .describe("Load run whose staging snapshot to train on (default: the latest successful e-learning load)"),
});

const buildFeatures = defineStep({
  ...buildFeaturesRef,
  title: "Features (user × day, rolling windows)",
  async run({ runId, params: p, signal, progress }: StepContext<z.infer<typeof params>>) {
    const sourceRunId = p.sourceRunId ?? (await latestSnapshotRun("staging.elearning_events"));
    if (!sourceRunId) {
      throw new AppError("NOT_FOUND", "No e-learning data has been loaded yet. To fix: run the e-learning sample (or ingest your users.csv and events.csv), then train.", 404);
    }
    const snapshots = await useSnapshots(runId, sourceRunId, STAGING_TABLES.elearning!);
    progress(0.1, "building the user × day feature grid from the load's snapshot (or reusing its finished build)");
    const build = await ensureElearningFeatures({ sourceRunId, signal });
    if (build.reused) progress(0.9, `reused the finished feature build of load ${sourceRunId} (${build.rows} user-days)`);
    return {
      source: "elearning" as const,
      modelName: "elearning-churn",
      dataset: "elearning",
      primaryMetric: "pr_auc" as const,
      splitKind: "time" as const,
      sourceRunId,
      featureTable: build.table,
      featureSetVersion: String(build.featureSetVersion),
      features: build.features.length,
      rows: build.rows,
      entities: build.users,
      snapshots,
      durationMs: build.durationMs,
    };
  },
});

export const trainElearning = definePipeline({
  id: TRAIN_ELEARNING,
  title: "Train the e-learning churn model",
  description:
    "Builds daily features and 30-day churn labels from the latest e-learning load, trains a baseline and an elastic-net logistic regression (searched on a time-based validation slice), evaluates both on the most recent 20% of days, explains the model with SHAP values, registers it as a new version of elearning-churn and promotes it when it beats the champion's PR-AUC on the same test rows.",
  params,
  schedule: "0 3 1 * *",
  concurrencyKey: () => "train:elearning",
  retries: 1,
  steps: [buildFeatures, ...trainingSteps],
});
