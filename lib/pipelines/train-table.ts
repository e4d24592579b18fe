import { z } from "zod";
import { AppError } from "../errors.ts";
import { tabularFeatureSource } from "../features/tabular-feature-source.ts";
import { latestLoadedVersion } from "../sources/tabular/latest-loaded-version.ts";
import { getRunDetail } from "./run-queries.ts";
import { definePipeline, defineStep, type StepContext } from "./pipeline-definition.ts";
import { trainingSteps } from "./train/train-steps.ts";
import { emptyAsUndefined, useSnapshots } from "./train/training-snapshots.ts";
import { buildFeaturesRef } from "./train/training-target.ts";

export const TRAIN_TABLE = "train-table";

const params = z.object({
  dataset: z
    .preprocess(emptyAsUndefined, z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, "a dataset slug (lower-case letters, digits, - and _)").optional())
    .describe("Dataset to train on, by slug (default: the most recently loaded dataset)"),
});

const buildFeatures = defineStep({
  ...buildFeaturesRef,
  title: "Features (the dataset's confirmed columns)",
  async run({ runId, params: p, progress }: StepContext<z.infer<typeof params>>) {
    const version = await latestLoadedVersion(p.dataset);
    if (!version) {
      throw new AppError(
        "NOT_FOUND",
        p.dataset
          ? `Dataset "${p.dataset}" has no loaded version. To fix: upload it on /data/upload, confirm its columns and load it, then train.`
          : "No tabular dataset has been loaded yet. To fix: upload a CSV on /data/upload (or `churnops ingest table`), confirm its columns and load it, then train.",
        404,
      );
    }
    progress(0.2, `reading dataset ${version.slug} v${version.version}`);
    const source = await tabularFeatureSource(version.id);
    const snapshots = await useSnapshots(runId, source.snapshotRunId, [source.stagingTable]);
    const loadRun = await getRunDetail(source.snapshotRunId);
    const loadedAt = Date.parse(loadRun?.finishedAt ?? loadRun?.createdAt ?? "1970-01-01");
    return {
      source: "tabular" as const,
      modelName: `table-${version.slug}`,
      dataset: `table:${version.slug}`,
      primaryMetric: "roc_auc" as const,
      splitKind: "stratified" as const,
      sourceRunId: source.snapshotRunId,
      datasetVersionId: version.id,
      referenceDay: Math.floor(loadedAt / 86_400_000),
      featureTable: source.relation,
      featureSetVersion: `v${version.version}`,
      features: source.features.length,
      rows: snapshots[0]?.rowCount ?? 0,
      snapshots,
      durationMs: 0,
    };
  },
});

export const trainTable = definePipeline({
  id: TRAIN_TABLE,
  title: "Train a churn model on an uploaded table",
  description:
    "Trains on a loaded tabular dataset (one row per customer, its confirmed columns as features and its target as the label): a baseline and an elastic-net logistic regression on a stratified 60/20/20 split, evaluated on the test rows, explained with SHAP values, registered as a new version of table-<dataset> and promoted when it beats the champion's ROC-AUC on the same rows.",
  params,
  schedule: "0 5 1 * *",
  concurrencyKey: () => "train:table",
  retries: 1,
  steps: [buildFeatures, ...trainingSteps],
});
