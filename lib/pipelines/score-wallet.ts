import { z } from "zod";
import { AppError } from "../errors.ts";
import { buildWalletFeatures, DEFAULT_WALLET_WEEKS } from "../features/build-wallet-features.ts";
import { latestSnapshotRun } from "../lineage/index.ts";
import { definePipeline, defineStep, type StepContext } from "./pipeline-definition.ts";
import { scoringSteps } from "./score/score-steps.ts";
import { resolveScoringTarget, scoringParams } from "./score/scoring-target-step.ts";
import { scoringTargetRef } from "./score/scoring-target.ts";

export const SCORE_WALLET = "score-wallet";

const params = scoringParams.extend({});

const target = defineStep({
  ...scoringTargetRef,
  title: "Champion and the latest weekly snapshot to score",
  async run(ctx: StepContext<z.infer<typeof params>>) {
    const sourceRunId = ctx.params.sourceRunId ?? (await latestSnapshotRun("staging.wallet_buyers"));
    if (!sourceRunId) throw new AppError("NOT_FOUND", "No marketplace-wallet data has been loaded yet. To fix: run the wallet sample, train, then score.", 404);
    return resolveScoringTarget(ctx, { modelName: "wallet-churn", source: "wallet", sourceRunId, build: () => buildWalletFeatures({ sourceRunId, weeks: DEFAULT_WALLET_WEEKS, signal: ctx.signal }) });
  },
});

export const scoreWallet = definePipeline({
  id: SCORE_WALLET,
  title: "Score wallet buyers",
  description:
    "The wallet champion scores every buyer in the latest weekly snapshot: churn probability, rank and risk band into ops.predictions, the reasons of the top 50, a score summary in monitoring.scoring_runs and the full list as a CSV.",
  params,
  schedule: "30 5 * * *",
  concurrencyKey: () => "score:wallet",
  retries: 1,
  steps: [target, ...scoringSteps],
});
