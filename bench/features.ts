import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { closeDb } from "../lib/db/client.ts";
import { ident, query } from "../lib/db/sql.ts";
import { resetEnvCache } from "../lib/env.ts";
import { buildElearningFeatures } from "../lib/features/build-elearning-features.ts";
import { loadTrainingFrame } from "../lib/features/load-training-frame.ts";
import { snapshotOf } from "../lib/lineage/snapshot-tables.ts";
import { runLocally } from "../lib/pipelines/local-executor.ts";
import { startRun } from "../lib/pipelines/start-run.ts";
import { resetArtifactStore } from "../lib/storage/default-artifact-store.ts";
import { freshDatabase, migrate, onEmbedded, repeat, seconds, useDatabase } from "./bench-helpers.ts";

// Features + labels for the default e-learning data (~2,000 users, ~485k events, ~229k user-days), on real Postgres
// and embedded, each next to references measured in the same run on the same engine: a plain count(*) of the
// events snapshot and a copy of it (CREATE TABLE AS). Targets: build <= 2 s on Postgres, <= 6 s embedded.
// Also the training frame read into typed arrays. Medians of REPEATS.

async function measure(engine: string): Promise<void> {
  const t0 = performance.now();
  const { runId } = await startRun("elearning-sample", {}, "cli", "inline");
  const outcome = await runLocally(runId);
  if (outcome.status !== "succeeded") throw new Error(`elearning-sample failed: ${JSON.stringify(outcome)}`);
  const events = (await snapshotOf(runId, "staging.elearning_events")).relation;
  console.log(`${engine.padEnd(9)} sample data loaded in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const count = await repeat(() => seconds(() => query(`SELECT count(*) FROM ${ident(events)}`)));
  const copy = await repeat(async () => {
    await query("DROP TABLE IF EXISTS public.bench_events_copy");
    const s = await seconds(() => query(`CREATE TABLE public.bench_events_copy AS SELECT * FROM ${ident(events)}`));
    await query("DROP TABLE public.bench_events_copy");
    return s;
  });
  let build!: Awaited<ReturnType<typeof buildElearningFeatures>>;
  const buildS = await repeat(() => seconds(async () => (build = await buildElearningFeatures({ sourceRunId: runId }))));
  let rows = 0;
  let cols = 0;
  const frameS = await repeat(() => seconds(async () => {
    const { frame } = await loadTrainingFrame({ source: "elearning", sourceRunId: runId });
    rows = frame.rows;
    cols = frame.columns.length;
  }));
  const target = engine === "postgres" ? 2 : 6;
  console.log(`${engine.padEnd(9)} reference: count(*) events ${count.toFixed(3)} s, copy events (CREATE TABLE AS) ${copy.toFixed(2)} s`);
  console.log(`${engine.padEnd(9)} features + labels ${buildS.toFixed(2)} s (${build.rows} user-days, ${build.labelledRows} labelled, ${build.users} users)  ratio ${(buildS / copy).toFixed(2)}x of the copy, ${(buildS / count).toFixed(0)}x of count(*)  (target <= ${target} s)`);
  console.log(`${engine.padEnd(9)} training frame ${frameS.toFixed(2)} s (${rows} rows × ${cols} columns)  ratio ${(frameS / copy).toFixed(2)}x of the copy`);
}

export async function benchFeatures(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "churnops-bench-features-"));
  process.env.CHURNOPS_HOME = dir;
  // A load would otherwise start train-elearning in a background worker, competing with the timed SQL.
  process.env.CHURNOPS_TRAIN_ON_DATA_CHANGE = "false";
  resetEnvCache();
  resetArtifactStore();
  const db = await freshDatabase("features");
  try {
    if (process.env.BENCH_ENGINES !== "embedded") {
      await migrate(db.url);
      await useDatabase(db.url);
      await measure("postgres");
    }
    if (process.env.BENCH_ENGINES !== "postgres") await onEmbedded(dir, () => measure("embedded"));
  } finally {
    await closeDb();
    await db.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
