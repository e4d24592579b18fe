import { z } from "zod";
import { findFeatureBuild } from "../../features/feature-builds.ts";
import { ELEARNING_FEATURE_TABLE, WALLET_FEATURE_TABLE } from "../../features/feature-set-versions.ts";
import { AppError } from "../../errors.ts";
import { query, ident } from "../../db/sql.ts";
import { scoringModel } from "../../scoring/champion-version.ts";
import { latestAsOf, scoringSource, type ScoringFrame } from "../../scoring/scoring-frame.ts";
import type { StepContext } from "../pipeline-definition.ts";
import { emptyAsUndefined } from "../train/training-snapshots.ts";
import type { ScoringTarget } from "./scoring-target.ts";

/** Params every scoring pipeline accepts. */
export const scoringParams = z.object({
  sourceRunId: z
    .preprocess(emptyAsUndefined, z.string().uuid("a load run id (a UUID)").optional())
    .describe("Load run whose data to score (default: the latest successful load)"),
  asOf: z
    .preprocess(emptyAsUndefined, z.union([z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "a date (YYYY-MM-DD)"), z.literal("all")]).optional())
    .describe("As-of date to score (default: the latest; \"all\" scores every date)"),
  version: z.preprocess(emptyAsUndefined, z.coerce.number().int().positive().optional()).describe("Model version (default: the champion)"),
  topK: z.coerce.number().int().min(1).max(1000).optional().describe("Customers to explain (default CHURNOPS_SCORING_TOP_K, 50)"),
});

export async function countFrameRows(frame: ScoringFrame): Promise<number> {
  const { source, where } = await scoringSource(frame);
  const [r] = await query<{ n: number }>(
    `SELECT count(*)::int AS n FROM ${ident(source.relation)} t WHERE (${source.filter?.sql ?? "true"}) AND (${where?.sql ?? "true"})`,
    [...(source.filter?.params ?? []), ...(where?.params ?? [])],
  );
  return r!.n;
}

/**
 * The champion (or a chosen version) and the rows to score of a panel source: the features of `sourceRunId`,
 * built now when that load has no finished build of the model's feature-set version yet, at the latest as-of date.
 */
export async function resolveScoringTarget(
  ctx: StepContext<z.infer<typeof scoringParams>>,
  o: { modelName: string; source: "elearning" | "wallet"; sourceRunId: string; build: () => Promise<unknown> },
): Promise<ScoringTarget> {
  const m = await scoringModel(o.modelName, ctx.params.version);
  const featureSetVersion = Number(m.artifact.lineage.featureSetVersion);
  const table = o.source === "elearning" ? ELEARNING_FEATURE_TABLE : WALLET_FEATURE_TABLE;
  const built = await findFeatureBuild(table, o.sourceRunId, featureSetVersion);
  if (!built) {
    ctx.progress(0.2, "building features for the load being scored");
    await o.build();
  }
  const frame: ScoringFrame = { source: o.source, sourceRunId: o.sourceRunId, featureSetVersion, asOf: null };
  const { source } = await scoringSource(frame);
  frame.asOf = ctx.params.asOf ?? (await latestAsOf(source));
  const rows = await countFrameRows(frame);
  if (rows === 0) throw new AppError("NOT_FOUND", `There are no rows to score for ${frame.asOf}. To fix: pick an as-of date the load covers, or leave it empty for the latest.`, 404);
  return { model: m.model, version: m.version, versionId: m.versionId, family: m.family, dataset: m.dataset, frame, rows };
}
