import { z } from "zod";
import type { TrainingFrameSpec } from "../../features/load-training-frame.ts";
import type { StepRef } from "../pipeline-definition.ts";
import type { SplitKind } from "./training-data.ts";

/** What the features step of every training pipeline decides: which rows train which model, and how to split them. */
export const trainingTargetOutput = z.object({
  source: z.enum(["elearning", "wallet", "tabular"]),
  /** registered model name: elearning-churn, wallet-churn, table-<slug> */
  modelName: z.string(),
  /** "elearning" | "wallet" | "table:<slug>" */
  dataset: z.string(),
  primaryMetric: z.enum(["roc_auc", "pr_auc"]),
  splitKind: z.enum(["time", "entity", "stratified"]),
  /** the load run whose staging snapshot the features come from */
  sourceRunId: z.string().uuid(),
  datasetVersionId: z.string().uuid().optional(),
  /** wallet: train on the newest N weekly snapshots */
  weeks: z.number().int().positive().optional(),
  /** tables without as-of dates: dates become ages at this day (days since 1970-01-01, the load's day) */
  referenceDay: z.number().int().optional(),
  featureTable: z.string(),
  featureSetVersion: z.string(),
  features: z.number().int(),
  rows: z.number().int(),
  entities: z.number().int().optional(),
  snapshots: z.array(z.object({ table: z.string(), runId: z.string(), relation: z.string(), rowCount: z.number().int(), checksum: z.string() })),
  durationMs: z.number(),
});

export type TrainingTarget = z.infer<typeof trainingTargetOutput>;

/** Every training pipeline's first step has this id and output; the shared steps read it. */
export const buildFeaturesRef: StepRef<typeof trainingTargetOutput> = { id: "build-features", output: trainingTargetOutput };

export function frameSpecOf(t: TrainingTarget): TrainingFrameSpec {
  if (t.source === "tabular") return { source: "tabular", datasetVersionId: t.datasetVersionId! };
  if (t.source === "wallet") return { source: "wallet", sourceRunId: t.sourceRunId, ...(t.weeks ? { weeks: t.weeks } : {}) };
  return { source: "elearning", sourceRunId: t.sourceRunId };
}

/** The arguments of trainingData() for a target. */
export const trainingDataArgs = (t: TrainingTarget): [TrainingFrameSpec, SplitKind, number | undefined] => [frameSpecOf(t), t.splitKind, t.referenceDay];
