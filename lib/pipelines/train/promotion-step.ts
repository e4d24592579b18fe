import { z } from "zod";
import { preprocessorFromJSON, type PreprocessorJson } from "../../ml/index.ts";
import { modelFromJSON } from "../../ml/model-from-json.ts";
import { applyPromotionDecision, decidePromotion, getChampion, promotionMinDelta, readModelArtifact } from "../../registry/index.ts";
import { defineStep, type PipelineStep, type StepContext, type StepRef } from "../pipeline-definition.ts";
import { jsonObject } from "../step-outputs.ts";
import { primaryScore } from "./model-scores.ts";
import { registerRef } from "./register-step.ts";
import { releaseTrainingData, trainingData, type TrainingData } from "./training-data.ts";
import { buildFeaturesRef, frameSpecOf, trainingDataArgs, type TrainingTarget } from "./training-target.ts";

interface EvaluateOutput {
  models: { role: string; family: string; validation: { metric: string; value: number }; test: Record<string, unknown> }[];
}

/**
 * The champion's primary metric on this run's test set: the rule compares both models on the same new rows. A
 * champion trained on another feature set cannot score them; then it is compared by its own test-set value, and
 * the decision says so.
 */
async function championOnNewTestSet(t: TrainingTarget, d: TrainingData, artifactKey: string): Promise<{ value: number; note: string | null } | null> {
  try {
    const artifact = await readModelArtifact(artifactKey);
    const x = preprocessorFromJSON(artifact.preprocessing as PreprocessorJson).transform(d.testFrame).matrix;
    const p = modelFromJSON(artifact.classifier).probability(x);
    return { value: primaryScore(t.primaryMetric)(d.test.y, p), note: null };
  } catch (e) {
    return { value: Number.NaN, note: `the champion could not score the new test set (${e instanceof Error ? e.message : String(e)})` };
  }
}

export function promotionStep(evaluate: StepRef<z.ZodType<EvaluateOutput>>): PipelineStep<unknown> {
  return defineStep({
    id: "promotion-decision",
    title: "Promotion decision",
    output: z.object({
      model: z.string(),
      version: z.number().int(),
      primaryMetric: z.string(),
      promoted: z.boolean(),
      champion: z.number().int().nullable(),
      previousChampion: z.number().int().nullable(),
      decision: jsonObject,
      /** each model's test-set metrics (what `churnops run train-… --json` prints under models[].test) */
      models: z.array(z.object({ role: z.string(), family: z.string(), validation: z.object({ metric: z.string(), value: z.number() }), test: jsonObject })),
    }),
    async run(ctx: StepContext<unknown>) {
      const t = ctx.output(buildFeaturesRef);
      const registered = ctx.output(registerRef);
      const ev = ctx.output(evaluate);
      const d = await trainingData(ctx.runId, ...trainingDataArgs(t));
      const champion = await getChampion(t.modelName);
      let championValue: number | null = null;
      let championVersion: number | null = null;
      let note: string | null = null;
      if (champion && champion.version !== registered.version) {
        ctx.progress(0.3, `scoring champion v${champion.version} on the same test rows`);
        championVersion = champion.version;
        const scored = await championOnNewTestSet(t, d, champion.artifactKey);
        championValue = scored?.value ?? null;
        note = scored?.note ?? null;
      }
      const decision = decidePromotion({
        primaryMetric: t.primaryMetric,
        candidate: registered.value ?? Number.NaN,
        champion: championValue,
        minDelta: promotionMinDelta(),
      });
      if (note) decision.reason = `${decision.reason} (${note})`;
      const outcome = await applyPromotionDecision({ model: t.modelName, version: registered.version, decision, championVersion, runId: ctx.runId, emit: ctx.emit });
      releaseTrainingData(ctx.runId);
      return {
        model: t.modelName,
        version: registered.version,
        primaryMetric: t.primaryMetric,
        promoted: outcome.promoted,
        champion: outcome.champion,
        previousChampion: outcome.previousChampion,
        decision: JSON.parse(JSON.stringify(outcome.decision)) as Record<string, never>,
        models: ev.models.map((m) => ({ role: m.role, family: m.family, validation: m.validation, test: m.test as Record<string, never> })),
      };
    },
  });
}
