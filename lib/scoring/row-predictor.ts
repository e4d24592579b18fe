import { linearExplainer } from "../ml/explain/linear-shap.ts";
import { sigmoid } from "../ml/linear/sigmoid.ts";
import { modelFromJSON } from "../ml/model-from-json.ts";
import type { FeatureSchema, PreprocessorJson } from "../ml/preprocess/preprocessor-json.ts";
import { preprocessorFromJSON } from "../ml/preprocess/preprocessor.ts";
import { GradientBoostingModel } from "../ml/tree/gradient-boosting-model.ts";
import { treeShap } from "../ml/tree/tree-shap.ts";
import type { RawFrame } from "../ml/types.ts";
import type { ModelArtifact } from "../registry/types.ts";
import { type Contributions, toContributions } from "./contributions.ts";
import { explanationBackground } from "./explanation-background.ts";

export interface PredictOptions {
  /** also explain every row (linear: exact interventional SHAP; trees: path-dependent TreeSHAP) */
  contributions?: boolean;
  /** as-of day (days since 1970-01-01) for date features' ages; default the frame's asOf, else training's */
  referenceDate?: number;
}

export interface Predictions {
  rows: number;
  /** sigmoid(raw), one per row */
  probability: Float64Array;
  /** the margin (log-odds) */
  raw: Float64Array;
  /** only when asked for */
  contributions?: Contributions;
}

/** A registered model version ready to score: artifact parsed once, reused for every request and batch. */
export interface RowPredictor {
  readonly model: string;
  readonly version: number;
  readonly family: string;
  readonly dataset: string;
  /** the raw features the model reads, with training ranges, medians and categories (the what-if form's fields) */
  readonly schema: readonly FeatureSchema[];
  /** whether some feature is a date (then date ages need an as-of day) */
  readonly hasDates: boolean;
  /**
   * Scores every row of `frame` with one preprocessing pass and one model call (vectorised: batch scoring uses the
   * same function on 240k rows). Contributions add up: expectedValue + Σ_f contribution_f = raw, per row.
   */
  predict(frame: RawFrame, options?: PredictOptions): Predictions;
}

type LinearJson = { intercept: number; coef: number[] };

/**
 * Builds a predictor from a model artifact (models/<name>/<version>/model.json): the fitted preprocessing, the
 * classifier, and for linear models the SHAP background (see explanation-background.ts).
 * @throws RangeError when the artifact's preprocessing or classifier cannot be rebuilt (a foreign or broken artifact)
 */
export function loadPredictor(artifact: ModelArtifact): RowPredictor {
  const preJson = artifact.preprocessing as PreprocessorJson;
  const pre = preprocessorFromJSON(preJson);
  const classifier = modelFromJSON(artifact.classifier);
  const schema = pre.schema;
  const names = schema.map((f) => f.name);
  const columns = pre.columns;
  const isTree = classifier instanceof GradientBoostingModel;
  const linear = isTree ? null : (artifact.classifier as unknown as LinearJson);
  if (linear && (!Array.isArray(linear.coef) || typeof linear.intercept !== "number")) {
    throw new RangeError(`loadPredictor: ${artifact.model} v${artifact.version} (${artifact.family}) has no intercept/coef to explain`);
  }
  // Linear contributions in feature-schema order, prepared once: per request only the row's own terms are left.
  const explainer = linear ? linearExplainer(linear.coef, linear.intercept, explanationBackground(preJson, artifact.explanation?.backgroundMean), columns, names) : null;

  return {
    model: artifact.model,
    version: artifact.version,
    family: classifier.family,
    dataset: artifact.dataset,
    schema,
    hasDates: schema.some((f) => f.kind === "date"),
    predict(frame, options = {}) {
      const { matrix } = pre.transform(frame, options.referenceDate === undefined ? {} : { referenceDate: options.referenceDate });
      const raw = classifier.raw(matrix);
      const probability = new Float64Array(raw.length);
      for (let i = 0; i < raw.length; i++) probability[i] = sigmoid(raw[i]!);
      const out: Predictions = { rows: frame.rows, probability, raw };
      if (options.contributions) {
        if (explainer) {
          const { baseValue, features, values } = explainer.explain(matrix);
          out.contributions = { expectedValue: baseValue, features, values };
        } else if (classifier instanceof GradientBoostingModel) {
          out.contributions = toContributions(treeShap(classifier, matrix, columns), names);
        }
      }
      return out;
    },
  };
}
