import { ELEARNING_FEATURE_SET_VERSION, ELEARNING_FEATURE_TABLE, WALLET_FEATURE_SET_VERSION, WALLET_FEATURE_TABLE } from "./feature-set-versions.ts";
import { getFeatureBuild } from "./feature-builds.ts";
import { loadFrame, type FrameSource, type LoadedFrame } from "./load-frame.ts";
import { tabularFeatureSource } from "./tabular-feature-source.ts";

/** What to train on: a finished feature build of a load run, or a loaded tabular dataset version. */
export type TrainingFrameSpec =
  | { source: "elearning"; sourceRunId: string; featureSetVersion?: number }
  | {
      source: "wallet";
      sourceRunId: string;
      featureSetVersion?: number;
      /** "churn" (EVALUATE.csv, default) or "inactive_60d" (no payment in the 60 days after as_of; rows without it are left out) */
      label?: "churn" | "inactive_60d";
      /** only the newest N as-of weeks of the build (default: all it has) */
      weeks?: number;
    }
  | { source: "tabular"; datasetVersionId: string };

/**
 * Where the rows of `spec` live and how to read them (training and scoring share it). Feature builds must be
 * finished (features.feature_builds): their feature list comes from there, so a wallet build without PAYMENTS has
 * no payment columns.
 */
export async function frameSourceOf(spec: TrainingFrameSpec): Promise<FrameSource> {
  if (spec.source === "tabular") return tabularFeatureSource(spec.datasetVersionId);
  const table = spec.source === "elearning" ? ELEARNING_FEATURE_TABLE : WALLET_FEATURE_TABLE;
  const version = spec.featureSetVersion ?? (spec.source === "elearning" ? ELEARNING_FEATURE_SET_VERSION : WALLET_FEATURE_SET_VERSION);
  const build = await getFeatureBuild(table, spec.sourceRunId, version);
  return {
    relation: table,
    entityColumn: spec.source === "elearning" ? "user_id" : "buyer_id",
    asOfColumn: "as_of",
    labelColumn: spec.source === "wallet" ? (spec.label ?? "churn") : "churn",
    filter: { sql: "t.source_run_id = $1::uuid AND t.feature_set_version = $2::int", params: [spec.sourceRunId, version] },
    orderKey: [{ column: spec.source === "elearning" ? "user_id" : "buyer_id", type: "bigint" }, { column: "as_of", type: "date" }],
    features: build.features,
  };
}

/**
 * The training frame of `spec`: labelled rows only (the e-learning tail without a 30-day future is left out), in
 * entity/as-of order, as column-major typed arrays with labels, entity ids and as-of days.
 */
export async function loadTrainingFrame(spec: TrainingFrameSpec): Promise<LoadedFrame> {
  const source = await frameSourceOf(spec);
  if (spec.source === "wallet" && spec.weeks !== undefined) {
    if (!Number.isInteger(spec.weeks) || spec.weeks < 1) throw new RangeError(`loadTrainingFrame: weeks must be a positive integer, got ${spec.weeks}`);
    const where = {
      sql: `t.as_of > (SELECT max(m.as_of) FROM ${WALLET_FEATURE_TABLE} m WHERE m.source_run_id = $1::uuid AND m.feature_set_version = $2::int) - 7 * $3::int`,
      params: [spec.weeks],
    };
    return loadFrame(source, { labels: true, where });
  }
  return loadFrame(source, { labels: true });
}
