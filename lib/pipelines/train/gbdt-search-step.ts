import { z } from "zod";
import { fitGradientBoosting, type GradientBoostingOptions } from "../../ml/tree/fit-gradient-boosting.ts";
import { recordSearchTrial } from "../../registry/index.ts";
import { defineStep, type StepContext } from "../pipeline-definition.ts";
import { primaryScore } from "./model-scores.ts";
import { TRAINING_SEED, trainingData } from "./training-data.ts";
import { writeTrainingModel } from "./training-models.ts";
import { buildFeaturesRef, trainingDataArgs } from "./training-target.ts";

export const GBDT_FAMILY = "gradient-boosting";

/**
 * The small search of the tree family: the reference e-learning pipeline's setting (learning rate 0.08, depth 6),
 * a shallow, strongly regularised one and a wide, slow one. Each stops early on the validation slice (at most 250
 * trees, 10 rounds without improvement), so a configuration costs only the trees it needs.
 */
export const GBDT_GRID: readonly Pick<GradientBoostingOptions, "learningRate" | "maxDepth" | "maxLeafNodes" | "minSamplesLeaf" | "l2Regularization">[] = [
  { learningRate: 0.08, maxDepth: 6, maxLeafNodes: 31, minSamplesLeaf: 20, l2Regularization: 0 },
  { learningRate: 0.1, maxDepth: 3, maxLeafNodes: 8, minSamplesLeaf: 50, l2Regularization: 1 },
  { learningRate: 0.05, maxDepth: null, maxLeafNodes: 63, minSamplesLeaf: 100, l2Regularization: 0 },
];

const MAX_TREES = 250;

export const gbdtSearchStep = defineStep({
  id: "search-gbdt",
  title: "Candidate search (gradient-boosted trees)",
  output: z.object({
    family: z.string(),
    key: z.string(),
    trials: z.number().int(),
    best: z.object({ params: z.record(z.string(), z.union([z.number(), z.null()])), trees: z.number().int(), validation: z.object({ metric: z.string(), value: z.number() }) }),
  }),
  async run(ctx: StepContext<unknown>) {
    const t = ctx.output(buildFeaturesRef);
    const d = await trainingData(ctx.runId, ...trainingDataArgs(t));
    const score = primaryScore(t.primaryMetric);
    let best: { index: number; value: number; json: ReturnType<ReturnType<typeof fitGradientBoosting>["toJSON"]>; params: Record<string, number | null>; trees: number } | null = null;
    for (const [index, config] of GBDT_GRID.entries()) {
      ctx.progress(index / GBDT_GRID.length, `tree configuration ${index + 1} of ${GBDT_GRID.length}: learning rate ${config.learningRate}, depth ${config.maxDepth ?? "any"}, ${config.maxLeafNodes} leaves`);
      const model = fitGradientBoosting(d.train.x, d.train.y, {
        ...config,
        maxIter: MAX_TREES,
        earlyStopping: true,
        validation: { x: d.validation.x, y: d.validation.y },
        seed: TRAINING_SEED,
        featureNames: d.preprocessor.columns.map((c) => c.name),
      });
      const value = score(d.validation.y, model.probability(d.validation.x));
      const trees = model.diagnostics?.n_iter ?? MAX_TREES;
      const params = { learning_rate: config.learningRate ?? null, max_depth: config.maxDepth ?? null, max_leaf_nodes: config.maxLeafNodes ?? null, min_samples_leaf: config.minSamplesLeaf ?? null, l2_regularization: config.l2Regularization ?? null };
      await recordSearchTrial({ runId: ctx.runId, modelName: t.modelName, family: GBDT_FAMILY, index, params: { ...params, trees }, validationScore: value, metric: t.primaryMetric });
      if (!best || value > best.value) best = { index, value, json: model.toJSON(), params, trees };
      if (ctx.signal.aborted) throw ctx.signal.reason;
    }
    const key = await writeTrainingModel(ctx.runId, t.modelName, "gbdt", best!.json);
    return { family: GBDT_FAMILY, key, trials: GBDT_GRID.length, best: { params: best!.params, trees: best!.trees, validation: { metric: t.primaryMetric, value: best!.value } } };
  },
});
