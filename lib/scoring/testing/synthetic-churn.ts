// Test and bench support: a small synthetic churn data set with every feature kind (numeric with missing values,
// boolean, categorical with a rare and a missing level) and models fitted on it with lib/ml, as model artifacts.
// Pure (no I/O): unit tests, integration tests, the e2e seed and bench/predict-api.ts share it.
import { columnMeans } from "../../ml/explain/column-means.ts";
import { fitLogisticRegression } from "../../ml/linear/fit-logistic-regression.ts";
import { fitPreprocessor } from "../../ml/preprocess/fit-preprocessor.ts";
import type { Preprocessor } from "../../ml/preprocess/preprocessor.ts";
import { mulberry32, type Random } from "../../ml/random.ts";
import { fitGradientBoosting } from "../../ml/tree/fit-gradient-boosting.ts";
import type { BinaryClassifier, RawFrame } from "../../ml/types.ts";
import type { ModelArtifact } from "../../registry/types.ts";

export const SYNTHETIC_FEATURES = ["days_since_last_activity", "active_days_30", "watch_minutes_30", "is_paid", "plan", "country"] as const;

function gaussian(random: Random): number {
  const u = Math.max(random(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

/**
 * `rows` customers drawn from a known logit (inactivity up, activity and watch time down, paid plans down). With
 * `extraNumeric`, that many noise columns (x_01, x_02, …) widen the frame to an e-learning-like width for benchmarks.
 */
export function syntheticChurnFrame(rows: number, seed = 7, opts: { extraNumeric?: number } = {}): RawFrame {
  const random = mulberry32(seed);
  const recency = new Float64Array(rows);
  const active = new Float64Array(rows);
  const watch = new Float64Array(rows);
  const paid = new Float64Array(rows);
  const plan: (string | null)[] = [];
  const country: (string | null)[] = [];
  const labels = new Uint8Array(rows);
  const countries = ["US", "BR", "IN", "DE"];
  for (let i = 0; i < rows; i++) {
    recency[i] = Math.max(0, Math.round(8 + 8 * gaussian(random)));
    active[i] = Math.min(30, Math.max(0, Math.round(14 - recency[i]! / 3 + 5 * gaussian(random))));
    watch[i] = random() < 0.1 ? Number.NaN : Math.max(0, 120 + 60 * gaussian(random) + 4 * active[i]!);
    const isPaid = random() < 0.35;
    paid[i] = isPaid ? 1 : 0;
    plan.push(random() < 0.05 ? null : isPaid ? "paid" : "free");
    // "XX" is rare (about 0.5%): preprocessing groups it into __other__
    country.push(random() < 0.005 ? "XX" : countries[Math.floor(random() * countries.length)]!);
    const w = Number.isNaN(watch[i]!) ? 120 : watch[i]!;
    const logit = -1 + 0.18 * (recency[i]! - 8) - 0.08 * (active[i]! - 12) - 0.004 * (w - 150) - 0.7 * paid[i]! + 0.3 * gaussian(random);
    labels[i] = random() < 1 / (1 + Math.exp(-logit)) ? 1 : 0;
  }
  return {
    rows,
    labels,
    entityIds: Array.from({ length: rows }, (_, i) => String(1000 + i)),
    columns: [
      { name: "days_since_last_activity", kind: "numeric", values: recency },
      { name: "active_days_30", kind: "numeric", values: active },
      { name: "watch_minutes_30", kind: "numeric", values: watch },
      { name: "is_paid", kind: "boolean", values: paid },
      { name: "plan", kind: "categorical", values: plan },
      { name: "country", kind: "categorical", values: country },
      ...Array.from({ length: opts.extraNumeric ?? 0 }, (_, k) => ({
        name: `x_${String(k + 1).padStart(2, "0")}`,
        kind: "numeric" as const,
        values: Float64Array.from({ length: rows }, () => gaussian(random)),
      })),
    ],
  };
}

export interface FittedSynthetic {
  preprocessor: Preprocessor;
  model: BinaryClassifier;
  /** the model.json a registered version would have (JSON round-tripped, as read back from the store) */
  artifact: ModelArtifact;
}

/** Fits the preprocessing and a logistic regression or a small gradient-boosted ensemble on `frame`. */
export function fitSynthetic(frame: RawFrame, family: "logistic-regression" | "gradient-boosting", opts: { model?: string; version?: number; storeBackground?: boolean } = {}): FittedSynthetic {
  const preprocessor = fitPreprocessor(frame);
  const { matrix } = preprocessor.transform(frame);
  const model =
    family === "logistic-regression"
      ? fitLogisticRegression(matrix, frame.labels!, { C: 1 })
      : fitGradientBoosting(matrix, frame.labels!, { maxIter: 20, maxLeafNodes: 8, learningRate: 0.2, earlyStopping: false, seed: 1 });
  const storeBackground = (opts.storeBackground ?? true) && family === "logistic-regression";
  const artifact: ModelArtifact = JSON.parse(
    JSON.stringify({
      format: "churnops.model/v1",
      model: opts.model ?? "synthetic-churn",
      version: opts.version ?? 1,
      family,
      dataset: "synthetic",
      primaryMetric: "roc_auc",
      runId: "00000000-0000-4000-8000-000000000000",
      createdAt: "2026-01-01T00:00:00.000Z",
      preprocessing: preprocessor.toJSON(),
      classifier: model.toJSON(),
      featureSchema: preprocessor.schema,
      lineage: { dataHash: "0".repeat(64), featureSetVersion: "synthetic-v1", snapshots: [] },
      params: {},
      metrics: {},
      ...(storeBackground ? { explanation: { backgroundMean: Array.from(columnMeans(matrix)) } } : {}),
    } satisfies ModelArtifact),
  );
  return { preprocessor, model, artifact };
}

/** Rows as an API client sends them (JSON objects keyed by feature), from a frame's first `n` rows. */
export function frameRows(frame: RawFrame, n = frame.rows): Record<string, number | string | boolean | null>[] {
  return Array.from({ length: Math.min(n, frame.rows) }, (_, i) =>
    Object.fromEntries(
      frame.columns.map((c) => {
        const v = c.values[i];
        if (c.kind === "categorical") return [c.name, v as string | null];
        if (Number.isNaN(v as number)) return [c.name, null];
        return [c.name, c.kind === "boolean" ? v === 1 : (v as number)];
      }),
    ),
  );
}
