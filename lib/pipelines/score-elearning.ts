import { z } from "zod";
import { AppError } from "../errors.ts";
import { buildElearningFeatures } from "../features/build-elearning-features.ts";
import { latestSnapshotRun } from "../lineage/index.ts";
import { definePipeline, defineStep, type StepContext } from "./pipeline-definition.ts";
import { scoringSteps } from "./score/score-steps.ts";
import { resolveScoringTarget, scoringParams } from "./score/scoring-target-step.ts";
import { scoringTargetRef } from "./score/scoring-target.ts";

export const SCORE_ELEARNING = "score-elearning";

const params = scoringParams.extend({});

const target = defineStep({
  ...scoringTargetRef,
  title: "Champion and the latest day to score",
  async run(ctx: StepContext<z.infer<typeof params>>) {
    const sourceRunId = ctx.params.sourceRunId ?? (await latestSnapshotRun("staging.elearning_events"));
    if (!sourceRunId) throw new AppError("NOT_FOUND", "No e-learning data has been loaded yet. To fix: run the e-learning sample, train, then score.", 404);
    return resolveScoringTarget(ctx, { modelName: "elearning-churn", source: "elearning", sourceRunId, build: () => buildElearningFeatures({ sourceRunId, signal: ctx.signal }) });
  },
});

export const scoreElearning = definePipeline({
  id: SCORE_ELEARNING,
  title: "Score e-learning users",
  description:
    "The e-learning champion scores every user on the latest day of the latest load: churn probability, rank and risk band per user into ops.predictions, the reasons of the top 50, a score summary in monitoring.scoring_runs and the full list as a CSV.",
  params,
  schedule: "0 5 * * *",
  concurrencyKey: () => "score:elearning",
  retries: 1,
  steps: [target, ...scoringSteps],
});
