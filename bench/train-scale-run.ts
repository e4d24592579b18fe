import { closeDb } from "../lib/db/client.ts";
import { resetEnvCache } from "../lib/env.ts";
import { runLocally } from "../lib/pipelines/local-executor.ts";
import { getRunDetail } from "../lib/pipelines/run-queries.ts";
import { startRun } from "../lib/pipelines/start-run.ts";
import { resetArtifactStore } from "../lib/storage/default-artifact-store.ts";
import { migrate, useDatabase } from "./bench-helpers.ts";

// One worker-like process of `npm run bench -- train-scale` (bench/train-scale.ts spawns it): against the database
// at DATABASE_URL (fresh), runs elearning-sample with `users` users, then train-elearning on that load, both
// inline in this process as the local worker runs them, and prints one JSON line: seconds per pipeline and step,
// the input CSV bytes, the registered version and this process's peak RSS (getrusage ru_maxrss).
const [url, usersArg, home] = process.argv.slice(2);
process.env.CHURNOPS_HOME = home!;
// The bench starts train-elearning itself and times it: no second, event-triggered training in a background worker.
process.env.CHURNOPS_TRAIN_ON_DATA_CHANGE = "false";
resetEnvCache();
resetArtifactStore();
await migrate(url!);
await useDatabase(url!);

async function run(pipelineId: string, params: Record<string, unknown>) {
  const t0 = performance.now();
  const { runId } = await startRun(pipelineId, params, "cli", "inline");
  const outcome = await runLocally(runId);
  const seconds = (performance.now() - t0) / 1000;
  const detail = await getRunDetail(runId);
  if (outcome.status !== "succeeded") throw new Error(`${pipelineId} ${outcome.status}: ${detail?.errorMessage ?? JSON.stringify(outcome)}`);
  const steps = Object.fromEntries(detail!.steps.map((s) => [s.stepId, (s.durationMs ?? 0) / 1000]));
  const outputs = Object.fromEntries(detail!.steps.map((s) => [s.stepId, s.output]));
  return { runId, seconds, steps, outputs };
}

const load = await run("elearning-sample", { users: Number(usersArg) });
const rssAfterLoadKb = process.resourceUsage().maxRSS;
// BENCH_SCALE_LOAD_ONLY=1: generation + ingest only (when a full 10× training does not fit the time at hand).
const loadOnly = process.env.BENCH_SCALE_LOAD_ONLY === "1";
const train = loadOnly ? { seconds: 0, steps: {}, outputs: {} as Record<string, unknown> } : await run("train-elearning", { sourceRunId: load.runId });
const gen = load.outputs["generate-csvs"] as { bytes: number; events: number; users: number };
const set = (train.outputs["training-set"] ?? null) as { train: { rows: number }; validation: { rows: number }; test: { rows: number }; designColumns: number } | null;
const reg = train.outputs["register"] ?? null;
await closeDb();
console.log(
  "RESULT " +
    JSON.stringify({
      users: gen.users,
      events: gen.events,
      csvBytes: gen.bytes,
      loadS: load.seconds,
      trainS: train.seconds,
      loadSteps: load.steps,
      trainSteps: train.steps,
      trainingSet: set,
      registered: reg,
      rssAfterLoadKb,
      maxRssKb: process.resourceUsage().maxRSS,
    }),
);
process.exit(0);
