import { z } from "zod";
import { getEnv } from "../../env.ts";
import { AppError } from "../../errors.ts";
import { labelCounts } from "../../features/label-counts.ts";
import { evaluateBinary, type BinaryClassifier } from "../../ml/index.ts";
import { fitBaselineLogistic } from "../../ml/linear/baseline-logistic.ts";
import { adaptiveSearch } from "../../ml/search/adaptive-search.ts";
import { gridSearchLinear } from "../../ml/search/grid-search-linear.ts";
import { recordSearchTrial } from "../../registry/index.ts";
import { defineStep, type PipelineStep, type StepContext } from "../pipeline-definition.ts";
import { jsonObject } from "../step-outputs.ts";
import { readTrainingModel, writeTrainingModel } from "./training-models.ts";
import { primaryScore, testMetrics } from "./model-scores.ts";
import { gbdtSearchStep } from "./gbdt-search-step.ts";
import { registerStep } from "./register-step.ts";
import { promotionStep } from "./promotion-step.ts";
import { trainingData, TRAINING_SEED } from "./training-data.ts";
import { buildFeaturesRef, frameSpecOf, trainingDataArgs, type TrainingTarget } from "./training-target.ts";

type Ctx = StepContext<unknown>;

const target = (ctx: Ctx): TrainingTarget => ctx.output(buildFeaturesRef);
const dataOf = (ctx: Ctx) => {
  const t = target(ctx);
  return trainingData(ctx.runId, ...trainingDataArgs(t));
};

const labels = defineStep({
  id: "build-labels",
  title: "Labels",
  output: z.object({ rows: z.number().int(), labelled: z.number().int(), unlabelled: z.number().int(), churners: z.number().int(), churnRate: z.number().nullable() }),
  async run(ctx: Ctx) {
    ctx.progress(0, "counting labelled rows and churners");
    const counts = await labelCounts(frameSpecOf(target(ctx)));
    if (counts.labelled === 0 || counts.churners === 0 || counts.churners === counts.labelled) {
      throw new AppError(
        "DATASET_TOO_SMALL",
        `The data has ${counts.labelled} labelled rows and ${counts.churners} churners: a model needs both churners and non-churners. To fix: load data that covers a longer period or more customers, then train again.`,
      );
    }
    return { ...counts, unlabelled: counts.rows - counts.labelled };
  },
});

const partSummary = z.object({ rows: z.number().int(), churners: z.number().int() });
const countChurners = (y: Uint8Array) => y.reduce((s, v) => s + v, 0);

const trainingSet = defineStep({
  id: "training-set",
  title: "Training set (split and preprocessing)",
  output: z.object({
    split: z.enum(["time", "entity", "stratified"]),
    train: partSummary,
    validation: partSummary,
    test: partSummary,
    rawFeatures: z.number().int(),
    designColumns: z.number().int(),
    dataHash: z.string(),
  }),
  async run(ctx: Ctx) {
    ctx.progress(0, "reading the feature rows into typed arrays");
    const d = await dataOf(ctx);
    const part = (p: { y: Uint8Array }) => ({ rows: p.y.length, churners: countChurners(p.y) });
    return {
      split: d.splitKind,
      train: part(d.train),
      validation: part(d.validation),
      test: part(d.test),
      rawFeatures: d.features.length,
      designColumns: d.train.x.cols,
      dataHash: d.dataHash,
    };
  },
});

const validationOutput = z.object({ metric: z.string(), value: z.number() });

const baseline = defineStep({
  id: "fit-baseline",
  title: "Baseline (ml-logistic-regression)",
  output: z.object({ family: z.string(), key: z.string(), sampleSize: z.number().int(), trainingRows: z.number().int(), steps: z.number().int(), validation: validationOutput }),
  async run(ctx: Ctx) {
    const t = target(ctx);
    const d = await dataOf(ctx);
    ctx.progress(0.1, "fitting the baseline on a stratified sample of the training rows");
    const model = fitBaselineLogistic(d.train.x, d.train.y, { seed: TRAINING_SEED });
    const json = model.toJSON();
    const key = await writeTrainingModel(ctx.runId, t.modelName, "baseline", json);
    const value = primaryScore(t.primaryMetric)(d.validation.y, model.probability(d.validation.x));
    return { family: model.family, key, sampleSize: json.sampleSize, trainingRows: json.trainingRows, steps: json.steps, validation: { metric: t.primaryMetric, value } };
  },
});

const CANDIDATE_FAMILY = "logistic-regression";

const search = defineStep({
  id: "search-candidate",
  title: "Candidate search (elastic-net logistic regression)",
  output: z.object({
    family: z.string(),
    key: z.string(),
    method: z.enum(["grid", "adaptive"]),
    trials: z.number().int(),
    best: z.object({ C: z.number(), l1_ratio: z.number(), validation: validationOutput, nonzero: z.number().int() }),
    fit: z.object({ rows: z.number().int(), iterations: z.number().int(), converged: z.boolean() }),
  }),
  async run(ctx: Ctx) {
    const t = target(ctx);
    const d = await dataOf(ctx);
    const hpoTrials = getEnv().CHURNOPS_HPO_TRIALS;
    const budget = hpoTrials ?? 24;
    const input = {
      train: d.train.x,
      yTrain: d.train.y,
      validation: d.validation.x,
      yValidation: d.validation.y,
      score: primaryScore(t.primaryMetric),
      fit: { seed: TRAINING_SEED },
      onTrial: async (trial: { index: number; params: { C: number; l1_ratio: number }; score: number; iterations: number; converged: boolean; nonzero: number }) => {
        // Each trial is stored as it finishes, so the run page shows the search while it runs.
        await recordSearchTrial({
          runId: ctx.runId, modelName: t.modelName, family: CANDIDATE_FAMILY, index: trial.index,
          params: { ...trial.params, iterations: trial.iterations, converged: trial.converged, nonzero: trial.nonzero },
          validationScore: trial.score, metric: t.primaryMetric,
        });
        ctx.progress(Math.min(0.9, (trial.index + 1) / budget), `trial ${trial.index + 1} of ${budget}: C=${trial.params.C.toPrecision(3)}, l1_ratio=${trial.params.l1_ratio.toFixed(2)}, ${t.primaryMetric} ${trial.score.toFixed(4)}`);
        if (ctx.signal.aborted) throw ctx.signal.reason;
      },
    };
    const result = hpoTrials ? await adaptiveSearch({ ...input, trials: hpoTrials, seed: TRAINING_SEED }) : await gridSearchLinear(input);
    const { best } = result;
    // The search's winner is already polished to the solver's full tolerance on the training rows; refitting on
    // training + validation (GridSearchCV's refit) cost more than the whole grid here for no test-set gain.
    const model = best.model;
    const key = await writeTrainingModel(ctx.runId, t.modelName, "candidate", model.toJSON());
    return {
      family: model.family,
      key,
      method: hpoTrials ? ("adaptive" as const) : ("grid" as const),
      trials: result.trials.length,
      best: { C: best.params.C, l1_ratio: best.params.l1_ratio, validation: { metric: t.primaryMetric, value: best.score }, nonzero: best.nonzero },
      fit: { rows: d.train.y.length, iterations: model.diagnostics?.iterations ?? 0, converged: model.diagnostics?.converged ?? true },
    };
  },
});

const metricsOutput = jsonObject;

/** The models a run trained, by role; the registered one is the candidate unless the baseline beat it on validation. */
const ROLES = ["baseline", "candidate", "gbdt"] as const;

const evaluate = defineStep({
  id: "evaluate",
  title: "Evaluate on the test set",
  output: z.object({
    chosen: z.enum(ROLES),
    models: z.array(z.object({ role: z.enum(ROLES), family: z.string(), key: z.string(), validation: validationOutput, test: metricsOutput })),
  }),
  async run(ctx: Ctx) {
    const d = await dataOf(ctx);
    const roles = [
      { role: "baseline" as const, key: ctx.output(baseline).key, validation: ctx.output(baseline).validation },
      { role: "candidate" as const, key: ctx.output(search).key, validation: ctx.output(search).best.validation },
      { role: "gbdt" as const, key: ctx.output(gbdtSearchStep).key, validation: ctx.output(gbdtSearchStep).best.validation },
    ];
    const models = [];
    for (const { role, key, validation } of roles) {
      ctx.progress(models.length / roles.length, `scoring the ${role} on ${d.test.y.length} test rows`);
      const model: BinaryClassifier = await readTrainingModel(key);
      const report = evaluateBinary(d.test.y, model.probability(d.test.x));
      models.push({ role, family: model.family, key, validation, test: testMetrics(report) });
    }
    // Chosen on validation, never on test: the test set stays an unbiased estimate of the registered model. Ties
    // keep the earlier (simpler) family.
    const chosen = models.reduce((a, b) => (b.validation.value > a.validation.value ? b : a)).role;
    return { chosen, models };
  },
});

/** Labels → training set → baseline → candidate searches (linear, trees) → evaluation → register → promotion decision. */
export const trainingSteps: readonly PipelineStep<unknown>[] = [labels, trainingSet, baseline, search, gbdtSearchStep, evaluate, registerStep(evaluate, trainingSet), promotionStep(evaluate)];

