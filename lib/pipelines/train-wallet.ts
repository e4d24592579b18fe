import { z } from "zod";
import { AppError } from "../errors.ts";
import { buildWalletFeatures, DEFAULT_WALLET_WEEKS } from "../features/build-wallet-features.ts";
import { latestSnapshotRun, STAGING_TABLES } from "../lineage/index.ts";
import { definePipeline, defineStep, type StepContext } from "./pipeline-definition.ts";
import { trainingSteps } from "./train/train-steps.ts";
import { emptyAsUndefined, useSnapshots } from "./train/training-snapshots.ts";
import { buildFeaturesRef } from "./train/training-target.ts";

export const TRAIN_WALLET = "train-wallet";

const params = z.object({
  sourceRunId: z
    .preprocess(emptyAsUndefined, z.string().uuid("a load run id (a UUID)").optional())
    .describe("Load run whose staging snapshot to train on (default: the latest successful wallet load)"),
  weeks: z.coerce.number().int().min(1).max(52).default(DEFAULT_WALLET_WEEKS).describe("Weekly snapshots to train on (the newest N)"),
});

const buildFeatures = defineStep({
  ...buildFeaturesRef,
  title: "Features (weekly buyer snapshots)",
  async run({ runId, params: p, signal, progress }: StepContext<z.infer<typeof params>>) {
    const sourceRunId = p.sourceRunId ?? (await latestSnapshotRun("staging.wallet_buyers"));
    if (!sourceRunId) {
      throw new AppError("NOT_FOUND", "No marketplace-wallet data has been loaded yet. To fix: run the wallet sample (or `churnops ingest wallet --dir D`), then train.", 404);
    }
    const snapshots = await useSnapshots(runId, sourceRunId, STAGING_TABLES.wallet!);
    progress(0.1, `building ${p.weeks} weekly buyer snapshots from the load's snapshot`);
    const build = await buildWalletFeatures({ sourceRunId, weeks: p.weeks, signal });
    return {
      source: "wallet" as const,
      modelName: "wallet-churn",
      dataset: "wallet",
      primaryMetric: "roc_auc" as const,
      // EVALUATE labels a buyer, not a week: every week of a buyer goes to the same part, or test rows would repeat training rows.
      splitKind: "entity" as const,
      sourceRunId,
      weeks: p.weeks,
      featureTable: build.table,
      featureSetVersion: String(build.featureSetVersion),
      features: build.features.length,
      rows: build.rows,
      entities: build.buyers,
      snapshots,
      durationMs: build.durationMs,
    };
  },
});

export const trainWallet = definePipeline({
  id: TRAIN_WALLET,
  title: "Train the marketplace-wallet churn model",
  description:
    "Builds weekly buyer snapshots (payments, app visits, balances, demographics, marketplace spend) from the latest wallet load, trains a baseline and an elastic-net logistic regression on a buyer-level stratified split, evaluates both, explains the model with SHAP values, registers it as a new version of wallet-churn and promotes it when it beats the champion's ROC-AUC on the same test buyers.",
  params,
  schedule: "0 4 1 * *",
  concurrencyKey: () => "train:wallet",
  retries: 1,
  steps: [buildFeatures, ...trainingSteps],
});
