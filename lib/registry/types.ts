import type { Queryable } from "../db/sql.ts";
import type { ChurnopsEvent } from "../events/event-catalog.ts";
import type { CalibratorJson } from "../ml/calibrate/calibrator.ts";
import type { ModelJson } from "../ml/types.ts";
import type { MetricDirection } from "./decide-promotion.ts";

// Shapes shared by the registry's writers (save, promote, rollback) and its read models (queries.ts).

/** The event sink a pipeline step passes (ctx.emit): events join the transaction of `client`. */
export type EmitEvents = (events: ChurnopsEvent | readonly ChurnopsEvent[], client?: Queryable) => Promise<void>;

/** A plain JSON value as it lands in an artifact or a jsonb column (typed arrays are written as arrays). */
export type JsonLike = unknown;

/** Which registered model a version belongs to (created on first save). */
export interface ModelIdentity {
  /** "elearning-churn", "wallet-churn", "table-<slug>" */
  name: string;
  /** "elearning" | "wallet" | "table:<slug>" */
  dataset: string;
  /** the metric promotion compares: "pr_auc" for e-learning, "roc_auc" for the wallet data and tables */
  primaryMetric: string;
  /** defaults to metricDirection(primaryMetric) */
  direction?: MetricDirection;
}

/**
 * One run-scoped staging snapshot the training data was built from. The fields of lib/lineage's SnapshotRef, so
 * `snapshotOf(runId, table)` results can be passed as they are.
 */
export interface TrainingSnapshot {
  /** staging table, e.g. "staging.elearning_events" */
  table: string;
  /** the (load) run that produced the snapshot, not the training run */
  runId: string;
  /** snapshots."<table>__<run>" */
  relation: string;
  rowCount: number;
  checksum: string;
}

export interface TrainingLineage {
  /** hash of the training set as the pipeline read it (e.g. sha256 over the matrix and labels) */
  dataHash: string;
  featureSetVersion: string;
  snapshots: readonly TrainingSnapshot[];
}

/** One bar of the importance chart: lib/ml's meanAbsShap() output as it is. */
export interface FeatureImportanceInput {
  /** original feature (one-hot groups already summed back) */
  feature: string;
  mean_abs_shap: number;
}

export interface SaveModelVersionInput {
  model: ModelIdentity;
  /** the training run: a retried save with the same run and model finds the same version */
  runId: string;
  /** the model JSON (BinaryClassifier.toJSON()); its family is the version's family */
  modelJson: ModelJson;
  /** fitted preprocessing (imputation, scaling, one-hot levels), as lib/ml serialises it */
  preprocessing: JsonLike;
  /** the input columns the model expects: names, kinds, ranges, categories */
  featureSchema: JsonLike;
  /** any JSON object (an interface such as lib/ml's BinaryReport is accepted as it is) */
  params: object;
  /** the test-set report (lib/ml evaluateBinary); metrics[model.primaryMetric] is the number lists and manual promotions show */
  metrics: object;
  lineage: TrainingLineage;
  importances: readonly FeatureImportanceInput[];
  /** per-row SHAP values for the summary plot (lib/ml sampleShapRows()), any JSON */
  shapSample: JsonLike;
  /** pin the training snapshots so retention keeps the rows this version was trained on (default true) */
  pinSnapshots?: boolean;
  /** maps the classifier's raw scores to calibrated probabilities (lib/ml fitCalibrator on the validation slice) */
  calibration?: CalibratorJson;
  /** what scoring needs to explain a row as training did (linear models: the SHAP background) */
  explanation?: ModelExplanation;
}

/**
 * How a version's predictions are explained at scoring time. Linear models: `backgroundMean` = E[x] per design
 * column over the training rows (interventional SHAP's background, the one the training importances used).
 * Trees need nothing: path-dependent TreeSHAP weighs by the covers stored in the trees.
 */
export interface ModelExplanation {
  backgroundMean?: number[];
}

export interface SavedModelVersion {
  modelId: string;
  versionId: string;
  model: string;
  version: number;
  family: string;
  artifactKey: string;
  artifactSha256: string;
  importancesKey: string;
  shapSampleKey: string;
  primaryMetric: string;
  primaryMetricValue: number | null;
  /** false when this call found the version an earlier attempt of the same run had registered */
  created: boolean;
}

/** What models/<name>/<version>/model.json holds. */
export interface ModelArtifact {
  format: "churnops.model/v1";
  model: string;
  version: number;
  family: string;
  dataset: string;
  primaryMetric: string;
  runId: string;
  createdAt: string;
  preprocessing: JsonLike;
  /** the fitted classifier (BinaryClassifier.toJSON()) */
  classifier: ModelJson;
  featureSchema: JsonLike;
  lineage: TrainingLineage;
  params: Record<string, unknown>;
  metrics: Record<string, unknown>;
  /** absent in versions registered before calibration existed (and when the validation slice had one class):
   * score with calibratedProbability(), which falls back to the classifier's own probability */
  calibration?: CalibratorJson;
  /** absent in artifacts registered before the what-if predictor (lib/scoring rebuilds what it can) */
  explanation?: ModelExplanation;
}
