import { z } from "zod";
import { AppError } from "../errors.ts";
import { tabularFeatureSource } from "../features/tabular-feature-source.ts";
import { scoringModel } from "../scoring/champion-version.ts";
import { stageScoringFile } from "../scoring/scoring-file.ts";
import type { ScoringFrame } from "../scoring/scoring-frame.ts";
import { latestLoadedVersion } from "../sources/tabular/latest-loaded-version.ts";
import { getRunDetail } from "./run-queries.ts";
import { definePipeline, defineStep, type StepContext } from "./pipeline-definition.ts";
import { scoringSteps } from "./score/score-steps.ts";
import { countFrameRows } from "./score/scoring-target-step.ts";
import { scoringTargetRef } from "./score/scoring-target.ts";
import { emptyAsUndefined } from "./train/training-snapshots.ts";

export const SCORE_TABLE = "score-table";

const params = z.object({
  dataset: z
    .preprocess(emptyAsUndefined, z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, "a dataset slug (lower-case letters, digits, - and _)").optional())
    .describe("Dataset to score, by slug (default: the most recently loaded dataset)"),
  version: z.preprocess(emptyAsUndefined, z.coerce.number().int().positive().optional()).describe("Model version (default: the champion)"),
  fileKey: z
    .preprocess(emptyAsUndefined, z.string().min(1).optional())
    .describe("Stored CSV of the dataset's columns to score instead of the loaded rows (churnops score --file F stores it)"),
  topK: z.coerce.number().int().min(1).max(1000).optional().describe("Customers to explain (default CHURNOPS_SCORING_TOP_K, 50)"),
});

const target = defineStep({
  ...scoringTargetRef,
  title: "Champion and the dataset's latest loaded rows",
  async run(ctx: StepContext<z.infer<typeof params>>) {
    const p = ctx.params;
    const v = await latestLoadedVersion(p.dataset);
    if (!v) {
      throw new AppError("NOT_FOUND", p.dataset ? `Dataset "${p.dataset}" has no loaded version. To fix: upload and load it on /data/upload, train, then score.` : "No tabular dataset has been loaded yet. To fix: upload a CSV on /data/upload, load and train it, then score.", 404);
    }
    const m = await scoringModel(`table-${v.slug}`, p.version);
    const source = await tabularFeatureSource(v.id);
    const loadRun = await getRunDetail(source.snapshotRunId);
    // Date columns become ages at the day the scored rows were loaded, as in training.
    const referenceDay = Math.floor(Date.parse(loadRun?.finishedAt ?? loadRun?.createdAt ?? new Date().toISOString()) / 86_400_000);
    let frame: ScoringFrame = { source: "tabular", sourceRunId: source.snapshotRunId, datasetVersionId: v.id, asOf: null, referenceDay };
    if (p.fileKey) {
      ctx.progress(0.3, `typing ${p.fileKey} by the columns of ${v.slug} v${v.version}`);
      const staged = await stageScoringFile(ctx.runId, p.fileKey, v.id);
      // A new file is scored as of today: its date columns become ages at the day it is scored.
      frame = { ...frame, referenceDay: Math.floor(Date.now() / 86_400_000), file: { key: p.fileKey, table: staged.table } };
    }
    return { model: m.model, version: m.version, versionId: m.versionId, family: m.family, dataset: m.dataset, frame, rows: await countFrameRows(frame) };
  },
});

export const scoreTable = definePipeline({
  id: SCORE_TABLE,
  title: "Score an uploaded table",
  description:
    "The champion of a tabular dataset scores every row of the dataset's latest loaded version: churn probability, rank and risk band into ops.predictions, the reasons of the top 50, a score summary in monitoring.scoring_runs and the full list as a CSV.",
  params,
  schedule: "0 6 * * *",
  concurrencyKey: () => "score:table",
  retries: 1,
  steps: [target, ...scoringSteps],
});
