import { AppError } from "../../errors.ts";
import { findFeatureBuild } from "../../features/feature-builds.ts";
import { ELEARNING_FEATURE_SET_VERSION, ELEARNING_FEATURE_TABLE, WALLET_FEATURE_SET_VERSION, WALLET_FEATURE_TABLE } from "../../features/feature-set-versions.ts";
import { buildElearningFeatures } from "../../features/build-elearning-features.ts";
import { buildWalletFeatures, DEFAULT_WALLET_WEEKS } from "../../features/build-wallet-features.ts";
import { tabularFeatureSource } from "../../features/tabular-feature-source.ts";
import { latestSnapshotRun } from "../../lineage/index.ts";
import { latestAsOf, scoringSource, type ScoringFrame } from "../../scoring/scoring-frame.ts";
import { latestLoadedVersion } from "../../sources/tabular/latest-loaded-version.ts";
import { getRunDetail } from "../run-queries.ts";

// "The dataset" of a PSI check: the rows scoring would read today, found WITHOUT a model (this is a data check, so
// it must work before anything is trained): the current feature-set version of the latest load, built now when
// that load has none yet (as scoring does), at its newest as-of day (e-learning: the latest day of
// features.elearning_user_day; wallet: the latest weekly snapshot of features.churn_weekly_features); for an
// uploaded table, its latest loaded version's snapshot. The columns come from the feature build / the confirmed
// dataset columns, never from a model's preprocessing.

export type PsiSource = "elearning" | "wallet" | "table";

export interface PsiDataset {
  /** elearning | wallet | table:<slug> */
  dataset: string;
  /** the rows, as scoring reads them (loadScoringFrame) */
  frame: ScoringFrame;
  /** for people: table, load run, as-of day */
  description: string;
}

/** The dataset's current rows for a PSI check; `build` may build missing features (it is idempotent). */
export async function psiDataset(source: PsiSource, o: { slug?: string; sourceRunId?: string; signal?: AbortSignal; progress?: (f: number, m: string) => void }): Promise<PsiDataset> {
  if (source === "table") return tableDataset(o.slug);
  const staging = source === "elearning" ? "staging.elearning_events" : "staging.wallet_buyers";
  const sourceRunId = o.sourceRunId ?? (await latestSnapshotRun(staging));
  if (!sourceRunId) {
    throw new AppError("NOT_FOUND", `No ${source === "elearning" ? "e-learning" : "marketplace-wallet"} data has been loaded yet, so there is nothing to check. To fix: run ${source}-sample (or ${source}-ingest) first.`, 404);
  }
  const table = source === "elearning" ? ELEARNING_FEATURE_TABLE : WALLET_FEATURE_TABLE;
  const featureSetVersion = source === "elearning" ? ELEARNING_FEATURE_SET_VERSION : WALLET_FEATURE_SET_VERSION;
  const built = await findFeatureBuild(table, sourceRunId, featureSetVersion);
  if (!built) {
    o.progress?.(0.05, `building the features of load ${sourceRunId}`);
    if (source === "elearning") await buildElearningFeatures({ sourceRunId, ...(o.signal ? { signal: o.signal } : {}) });
    else await buildWalletFeatures({ sourceRunId, weeks: DEFAULT_WALLET_WEEKS, ...(o.signal ? { signal: o.signal } : {}) });
  }
  const frame: ScoringFrame = { source, sourceRunId, featureSetVersion, asOf: null };
  frame.asOf = await latestAsOf((await scoringSource(frame)).source);
  return { dataset: source, frame, description: `${table} of load ${sourceRunId}, as of ${frame.asOf}` };
}

async function tableDataset(slug?: string): Promise<PsiDataset> {
  const v = await latestLoadedVersion(slug);
  if (!v) {
    throw new AppError("NOT_FOUND", slug ? `Dataset "${slug}" has no loaded version. To fix: upload and load it on /data/upload first.` : "No tabular dataset has been loaded yet. To fix: upload a CSV on /data/upload and load it first.", 404);
  }
  const source = await tabularFeatureSource(v.id);
  const loadRun = await getRunDetail(source.snapshotRunId);
  // Date columns become ages at the day the rows were loaded, as scoring and training do.
  const referenceDay = Math.floor(Date.parse(loadRun?.finishedAt ?? loadRun?.createdAt ?? new Date().toISOString()) / 86_400_000);
  return {
    dataset: `table:${v.slug}`,
    frame: { source: "tabular", sourceRunId: source.snapshotRunId, datasetVersionId: v.id, asOf: null, referenceDay },
    description: `${v.slug} v${v.version} (snapshot of load ${source.snapshotRunId})`,
  };
}
