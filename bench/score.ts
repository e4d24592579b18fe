import { randomUUID } from "node:crypto";
import { query } from "../lib/db/sql.ts";
import { getDb } from "../lib/db/client.ts";
import { columnDrift } from "../lib/monitoring/drift/index.ts";
import type { PreprocessorJson } from "../lib/ml/preprocess/preprocessor-json.ts";
import { currentFrame, driftColumns, referenceFrame } from "../lib/pipelines/drift/drift-frames.ts";
import { readTrainingModelJson, trainingModelKey } from "../lib/pipelines/train/training-models.ts";
import { runLocally } from "../lib/pipelines/local-executor.ts";
import { getRunDetail } from "../lib/pipelines/run-queries.ts";
import { startRun } from "../lib/pipelines/start-run.ts";
import { scoringModel } from "../lib/scoring/champion-version.ts";
import { scorePredictions } from "../lib/scoring/score-predictions.ts";
import { featureValueSql } from "../lib/features/feature-value-sql.ts";
import type { ScoringFrame } from "../lib/scoring/scoring-frame.ts";
import { median } from "./bench-helpers.ts";
import { benchEngines, onFreshEngine } from "./trained-runs.ts";

// `npm run bench -- score`: batch scoring and drift on the default e-learning sample (2000 users, ~240k user-days),
// trained through the real pipeline. Targets (issue 11): in-database scoring of 240k rows ≤ 1 s on real Postgres,
// drift over 240k rows × 20 columns ≤ 2 s. Each time is printed with a ratio against a reference measured in the
// same run: one sequential scan of the same feature rows (count + sum over every scored column), the least any
// scorer that reads the rows must do.

async function run(pipelineId: string, params: Record<string, unknown>): Promise<{ id: string; seconds: number; output: unknown }> {
  const t0 = performance.now();
  const { runId } = await startRun(pipelineId, params, "cli", "inline");
  await runLocally(runId);
  const d = (await getRunDetail(runId))!;
  if (d.status !== "succeeded") throw new Error(`${pipelineId} ${d.status}: ${d.errorMessage}`);
  return { id: runId, seconds: (performance.now() - t0) / 1000, output: d.steps };
}

async function timed(fn: () => Promise<unknown>, repeats = 3): Promise<number> {
  const xs: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const t0 = performance.now();
    await fn();
    xs.push((performance.now() - t0) / 1000);
  }
  return median(xs)!;
}

const fmt = (s: number) => `${s.toFixed(3)} s`;

export async function benchScore(): Promise<void> {
  for (const engine of benchEngines()) {
    await onFreshEngine(engine, "score", async () => {
      const load = await run("elearning-sample", {});
      const train = await run("train-elearning", { sourceRunId: load.id });
      console.log(`\n== ${engine}: default e-learning sample loaded (${load.seconds.toFixed(1)} s) and trained (${train.seconds.toFixed(1)} s)`);
      const day = await run("score-elearning", { sourceRunId: load.id });
      const target = (day.output as { stepId: string; output: { rows: number; frame: ScoringFrame; family?: string } }[])[0]!.output;
      console.log(`score-elearning pipeline, latest day (${target.rows} users, champion ${target.family ?? "?"}, incl. top-50 reasons, summary, CSV): ${fmt(day.seconds)}`);

      const champion = await scoringModel("elearning-churn");
      const all: ScoringFrame = { ...target.frame, asOf: "all" };
      const candidate = await readTrainingModelJson(trainingModelKey(champion.trainingRunId!, "elearning-churn", "candidate"));
      const linear = { ...champion, family: candidate.family, artifact: { ...champion.artifact, classifier: candidate } };
      const names = (champion.artifact.preprocessing as PreprocessorJson).steps.map((s) => s.name);
      const [{ n }] = await query<{ n: number }>("SELECT count(*)::int AS n FROM features.elearning_user_day WHERE source_run_id = $1", [load.id]);
      const { pool } = await getDb();
      const steps = (champion.artifact.preprocessing as PreprocessorJson).steps.filter((st) => st.kind !== "categorical");
      const numeric = steps.map((st) => featureValueSql(st.name, st.kind));
      const scan = await timed(() => pool.query(`SELECT count(*), ${numeric.map((c) => `sum(${c})`).join(", ")} FROM features.elearning_user_day t WHERE source_run_id = $1`, [load.id]));
      console.log(`reference: one scan of the ${n} feature rows (count + sum of ${numeric.length} columns): ${fmt(scan)}`);

      const ids: string[] = [];
      const sqlAll = await timed(async () => {
        const id = randomUUID();
        ids.push(id);
        await scorePredictions(id, linear, all, { highRiskThreshold: 0.7, scoreIn: "postgres" });
      });
      // The issue's figure is 240k user-days; the default sample has fewer feature rows, so the target is checked at
      // this run's rate (scan, margin, rank and insert all grow linearly in rows; the rank's sort n·log n is a small part).
      const per240k = (sqlAll / n) * 240_000;
      console.log(`in-database scoring, all ${n} user-days (linear model as an SQL expression, ranked, written to ops.predictions): ${fmt(sqlAll)} = ${(sqlAll / scan).toFixed(1)}× the scan; at this rate 240k rows take ${fmt(per240k)} (target ≤ 1 s on Postgres: ${per240k <= 1 ? "met" : "MISSED"})`);
      const nodeAll = await timed(async () => {
        const id = randomUUID();
        ids.push(id);
        await scorePredictions(id, champion, all, { highRiskThreshold: 0.7, scoreIn: "node" });
      }, 1);
      console.log(`Node scoring, all ${n} user-days (champion ${champion.family}: load frame, preprocess, score, rank, bulk write): ${fmt(nodeAll)} = ${(nodeAll / scan).toFixed(1)}× the scan`);
      await query("DELETE FROM ops.predictions WHERE run_id = ANY($1::uuid[])", [ids]);

      const ref = await referenceFrame(champion.model, champion.version);
      const cur = await currentFrame(all);
      const refCols = driftColumns(ref, names);
      const curCols = driftColumns(cur, names);
      const t0 = performance.now();
      const results = refCols.map((r, i) => columnDrift(r, curCols[i]!));
      const drift = (performance.now() - t0) / 1000;
      const sortRef = performance.now();
      for (const c of curCols) if (c.kind === "numeric") Float64Array.from(c.values).sort();
      const sortSeconds = (performance.now() - sortRef) / 1000;
      console.log(`drift statistics, ${ref.rows} reference × ${cur.rows} current rows × ${names.length} columns (${results.filter((r) => r.drifted).length} drifted): ${fmt(drift)} = ${(drift / sortSeconds).toFixed(1)}× sorting the current numeric columns once (${fmt(sortSeconds)}; target ≤ 2 s)`);
    });
  }
}
