import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { closeDb } from "../lib/db/client.ts";
import { resetEnvCache } from "../lib/env.ts";
import { buildElearningFeatures } from "../lib/features/build-elearning-features.ts";
import { buildWalletFeatures, DEFAULT_WALLET_WEEKS } from "../lib/features/build-wallet-features.ts";
import { runLocally } from "../lib/pipelines/local-executor.ts";
import { getRunDetail, type StepView } from "../lib/pipelines/run-queries.ts";
import { startRun } from "../lib/pipelines/start-run.ts";
import { trainingData, type TrainingData } from "../lib/pipelines/train/training-data.ts";
import { trainingDataArgs, trainingTargetOutput, type TrainingTarget } from "../lib/pipelines/train/training-target.ts";
import { resetArtifactStore } from "../lib/storage/default-artifact-store.ts";
import { freshDatabase, migrate, onEmbedded, useDatabase } from "./bench-helpers.ts";

/** A training run the bench made through the real pipeline, with the exact matrices it trained and scored on. */
export interface TrainedRun {
  pipelineId: string;
  runId: string;
  loadSeconds: number;
  trainSeconds: number;
  target: TrainingTarget;
  data: TrainingData;
  /** the pipeline's steps by id (outputs as stored) */
  steps: Record<string, StepView>;
}

async function runPipeline(pipelineId: string, params: Record<string, unknown>): Promise<{ runId: string; seconds: number; steps: Record<string, StepView> }> {
  const t0 = performance.now();
  const { runId } = await startRun(pipelineId, params, "cli", "inline");
  const outcome = await runLocally(runId);
  const seconds = (performance.now() - t0) / 1000;
  const detail = await getRunDetail(runId);
  if (outcome.status !== "succeeded") throw new Error(`${pipelineId} ${outcome.status}: ${detail?.errorMessage ?? JSON.stringify(outcome)}`);
  return { runId, seconds, steps: Object.fromEntries(detail!.steps.map((s) => [s.stepId, s])) };
}

/**
 * Loads a sample (`elearning-sample` or `wallet-sample` with its default params), trains on it with the real
 * pipeline, then rebuilds the run's training data with the pipeline's own trainingData() from the run's
 * build-features output, and checks it is the data the run hashed.
 */
export async function trainThroughPipeline(sample: string, train: string): Promise<TrainedRun> {
  const load = await runPipeline(sample, {});
  const run = await runPipeline(train, { sourceRunId: load.runId });
  const target = trainingTargetOutput.parse(run.steps["build-features"]!.output);
  const data = await trainingData(run.runId, ...trainingDataArgs(target));
  const hashed = (run.steps["training-set"]!.output as { dataHash: string }).dataHash;
  if (data.dataHash !== hashed) throw new Error(`rebuilt training data of ${train} differs from the run's (hash ${data.dataHash} vs ${hashed})`);
  return { pipelineId: train, runId: run.runId, loadSeconds: load.seconds, trainSeconds: run.seconds, target, data, steps: run.steps };
}

/**
 * The matrices train-elearning trains on, without the training: the default sample loaded, then what the pipeline's
 * build-features and training-set steps do (the feature build, then trainingData() with the time split).
 */
export async function elearningTrainingData(): Promise<{ sourceRunId: string; data: TrainingData }> {
  const load = await runPipeline("elearning-sample", {});
  await buildElearningFeatures({ sourceRunId: load.runId });
  const data = await trainingData(`bench-${load.runId}`, { source: "elearning", sourceRunId: load.runId }, "time");
  return { sourceRunId: load.runId, data };
}

/**
 * The matrices train-wallet trains on, without the training: the default wallet sample (40,000 buyers) loaded, then
 * what the pipeline's build-features and training-set steps do (the weekly buyer snapshots of the default weeks,
 * then trainingData() with the buyer-level split).
 */
export async function walletTrainingData(): Promise<{ sourceRunId: string; data: TrainingData }> {
  const load = await runPipeline("wallet-sample", {});
  await buildWalletFeatures({ sourceRunId: load.runId, weeks: DEFAULT_WALLET_WEEKS });
  const data = await trainingData(`bench-${load.runId}`, { source: "wallet", sourceRunId: load.runId, weeks: DEFAULT_WALLET_WEEKS }, "entity");
  return { sourceRunId: load.runId, data };
}

/** The engines a bench runs on: BENCH_ENGINES=postgres (default), embedded, or postgres,embedded. */
export function benchEngines(): ("postgres" | "embedded")[] {
  const asked = (process.env.BENCH_ENGINES ?? "postgres").split(",").map((s) => s.trim());
  return (["postgres", "embedded"] as const).filter((e) => asked.includes(e));
}

/** Runs fn with lib/ on a fresh database of `engine` and a temp CHURNOPS_HOME, removed afterwards. */
export async function onFreshEngine(engine: "postgres" | "embedded", tag: string, fn: () => Promise<void>): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `churnops-bench-${tag}-`));
  process.env.CHURNOPS_HOME = dir;
  // The bench starts each training itself: no event-triggered one in a background worker beside it.
  process.env.CHURNOPS_TRAIN_ON_DATA_CHANGE = "false";
  resetEnvCache();
  resetArtifactStore();
  try {
    if (engine === "embedded") {
      await onEmbedded(dir, fn);
      return;
    }
    const db = await freshDatabase(tag);
    try {
      await migrate(db.url);
      await useDatabase(db.url);
      await fn();
    } finally {
      await closeDb();
      await db.drop();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
