import { z } from "zod";
import { brierScore, columnMeans, evaluateBinary, fitCalibrator, linearShap, meanAbsShap, sampleShapRows, type BinaryClassifier, type CalibratorJson, type ModelJson, type ShapValues } from "../../ml/index.ts";
import { gatherRows } from "../../ml/linear/hessian-sample.ts";
import { sampleIndices, seededRandom } from "../../ml/seeded-random.ts";
import { GradientBoostingModel } from "../../ml/tree/gradient-boosting-model.ts";
import { treeShap } from "../../ml/tree/tree-shap.ts";
import { saveModelVersion } from "../../registry/index.ts";
import { defineStep, type PipelineStep, type StepContext, type StepRef } from "../pipeline-definition.ts";
import { readTrainingModelJson } from "./training-models.ts";
import { modelFromJSON } from "../../ml/model-from-json.ts";
import { TRAINING_SEED, trainingData, type TrainingData } from "./training-data.ts";
import { buildFeaturesRef, trainingDataArgs } from "./training-target.ts";

/** Points of the SHAP summary plot kept with a version (a seeded sample of test rows). */
const SHAP_SAMPLE_ROWS = 400;

export const registerOutput = z.object({
  model: z.string(),
  version: z.number().int().positive(),
  family: z.string(),
  created: z.boolean(),
  artifactKey: z.string(),
  primaryMetric: z.string(),
  value: z.number().nullable(),
  topFeatures: z.array(z.object({ feature: z.string(), mean_abs_shap: z.number() })),
  /** how the version's probabilities are calibrated (null: uncalibrated, the validation slice had one class) */
  calibration: z.enum(["platt", "isotonic"]).nullable(),
});

export const registerRef: StepRef<typeof registerOutput> = { id: "register", output: registerOutput };

interface EvaluateOutput {
  chosen: string;
  models: { role: string; family: string; key: string; validation: { metric: string; value: number }; test: Record<string, unknown> }[];
}

/** Test rows whose trees are explained: path-dependent TreeSHAP costs ~5 ms a row with 250 trees. */
const TREE_SHAP_ROWS = 1000;

/**
 * SHAP values of the test rows in the model's own terms, summed over one-hot groups. Linear models (baseline and
 * candidate): exact interventional values against the training rows' means, for every test row. Trees: exact
 * path-dependent TreeSHAP on a seeded sample of test rows.
 */
function explain(model: BinaryClassifier, json: ModelJson, d: TrainingData): { shap: ShapValues; rowIndex?: Uint32Array } {
  if (model instanceof GradientBoostingModel) {
    const picked = d.test.rows.length > TREE_SHAP_ROWS ? sampleIndices(d.test.rows.length, TREE_SHAP_ROWS, seededRandom(TRAINING_SEED)) : Uint32Array.from(d.test.rows.keys());
    const x = gatherRows(d.test.x, picked);
    // rowIndex: the explained rows' positions in the test part, the rows of d.testFrame
    return { shap: treeShap(model, x, d.preprocessor.columns), rowIndex: picked };
  }
  const { intercept, coef } = json as ModelJson & { intercept: number; coef: number[] };
  return { shap: linearShap(d.test.x, coef, intercept, columnMeans(d.train.x), d.preprocessor.columns) };
}

/** What the version's params say about its calibrator: method, the rows it was fitted on, and what it did to the test Brier score. */
interface CalibrationSummary {
  method: CalibratorJson["method"];
  validationRows: number;
  validationPositives: number;
  testBrierRaw: number;
  testBrierCalibrated: number;
}

/**
 * Fits the calibrator of the chosen model on the validation slice's raw scores (rows the model was not fitted on;
 * isotonic from 1000 rows with 50 of each class, else Platt: lib/ml chooseCalibrationMethod), so scoring can store
 * calibrated probabilities and monitoring can estimate performance from them. Undefined when the slice has one class.
 */
function calibrate(model: BinaryClassifier, d: TrainingData): { json: CalibratorJson; summary: CalibrationSummary } | undefined {
  const positives = d.validation.y.reduce((s, v) => s + v, 0);
  if (positives === 0 || positives === d.validation.y.length) return undefined;
  const calibrator = fitCalibrator(model.raw(d.validation.x), d.validation.y);
  const testRaw = model.raw(d.test.x);
  return {
    json: calibrator.toJSON(),
    summary: {
      method: calibrator.method,
      validationRows: d.validation.y.length,
      validationPositives: positives,
      testBrierRaw: brierScore(d.test.y, model.probability(d.test.x)),
      testBrierCalibrated: brierScore(d.test.y, calibrator.apply(testRaw)),
    },
  };
}

/** Registers the chosen model as a new version: artifact, test report, SHAP importances and sample, lineage. */
export function registerStep(evaluate: StepRef<z.ZodType<EvaluateOutput>>, trainingSet: StepRef<z.ZodType<{ dataHash: string; split: string }>>): PipelineStep<unknown> {
  return defineStep({
    ...registerRef,
    title: "Register the model version",
    async run(ctx: StepContext<unknown>) {
      const t = ctx.output(buildFeaturesRef);
      const ev = ctx.output(evaluate);
      const set = ctx.output(trainingSet);
      const d = await trainingData(ctx.runId, ...trainingDataArgs(t));
      const chosen = ev.models.find((m) => m.role === ev.chosen)!;
      const json = await readTrainingModelJson(chosen.key);
      const model = modelFromJSON(json);
      ctx.progress(0.2, "computing test-set metrics and SHAP values");
      const report = evaluateBinary(d.test.y, model.probability(d.test.x));
      const { shap, rowIndex } = explain(model, json, d);
      const importances = meanAbsShap(shap);
      const shapSample = sampleShapRows(shap, d.testFrame, { size: Math.min(SHAP_SAMPLE_ROWS, shap.rows), seed: 42, ...(rowIndex ? { rowIndex } : {}) });
      const calibration = calibrate(model, d);
      ctx.progress(0.6, "writing the model artifact and registering the version");
      const saved = await saveModelVersion(
        {
          model: { name: t.modelName, dataset: t.dataset, primaryMetric: t.primaryMetric },
          runId: ctx.runId,
          modelJson: json,
          preprocessing: d.preprocessor.toJSON(),
          featureSchema: d.preprocessor.schema,
          params: {
            family: model.family,
            role: chosen.role,
            ...pickParams(json as Record<string, unknown>),
            split: set.split,
            trainRows: d.train.y.length,
            validationRows: d.validation.y.length,
            testRows: d.test.y.length,
            designColumns: d.train.x.cols,
            validation: chosen.validation,
            ...(calibration ? { calibration: calibration.summary } : {}),
          },
          metrics: report,
          lineage: { dataHash: set.dataHash, featureSetVersion: t.featureSetVersion, snapshots: t.snapshots },
          importances,
          shapSample,
          calibration: calibration?.json,
          // Scoring explains rows against the same background as these importances (lib/scoring/row-predictor.ts).
          ...(model instanceof GradientBoostingModel ? {} : { explanation: { backgroundMean: Array.from(columnMeans(d.train.x)) } }),
        },
        { emit: ctx.emit },
      );
      return {
        model: saved.model,
        version: saved.version,
        family: saved.family,
        created: saved.created,
        artifactKey: saved.artifactKey,
        primaryMetric: saved.primaryMetric,
        value: saved.primaryMetricValue,
        topFeatures: importances.slice(0, 5),
        calibration: calibration?.json.method ?? null,
      };
    },
  });
}

/** The hyper-parameters worth showing (not the coefficients). */
function pickParams(json: Record<string, unknown>): Record<string, unknown> {
  // The candidate keeps its solver settings under `params` (C, l1_ratio, class_weight, ...); the baseline at the top.
  const out: Record<string, unknown> = typeof json.params === "object" && json.params !== null ? { ...(json.params as Record<string, unknown>) } : {};
  for (const key of ["sampleSize", "trainingRows", "steps", "learningRate"]) if (key in json) out[key] = json[key];
  return out;
}
