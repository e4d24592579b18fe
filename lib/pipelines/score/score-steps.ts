import { z } from "zod";
import { query } from "../../db/sql.ts";
import { getEnv } from "../../env.ts";
import { scoringModel } from "../../scoring/champion-version.ts";
import { exportPredictionsCsv } from "../../scoring/predictions-csv.ts";
import { scorePredictions } from "../../scoring/score-predictions.ts";
import { summarisePredictions } from "../../scoring/scoring-summary.ts";
import { explainTopPredictions } from "../../scoring/explain-top.ts";
import { estimateRun } from "../../scoring/estimate-run.ts";
import { defineStep, type StepContext } from "../pipeline-definition.ts";
import { scoringTargetRef } from "./scoring-target.ts";

// The steps every scoring pipeline shares after its target step: score into ops.predictions, explain the top K,
// then summarise (score proxy), export the CSV and record the monitoring.scoring_runs row.

type Ctx = StepContext<{ topK?: number }>;

const score = defineStep({
  id: "score",
  title: "Score every customer with the champion",
  output: z.object({ rows: z.number().int(), scoredIn: z.enum(["postgres", "node"]), durationMs: z.number() }),
  async run(ctx: Ctx) {
    const t = ctx.output(scoringTargetRef);
    ctx.progress(0.1, `scoring ${t.rows} rows with ${t.model} v${t.version} (${t.family})`);
    const m = await scoringModel(t.model, t.version);
    return scorePredictions(ctx.runId, m, t.frame, { highRiskThreshold: getEnv().CHURNOPS_HIGH_RISK_THRESHOLD, signal: ctx.signal });
  },
});

const explainTop = defineStep({
  id: "explain-top",
  title: "Why the top customers are at risk",
  output: z.object({ explained: z.number().int(), topK: z.number().int() }),
  async run(ctx: Ctx) {
    const t = ctx.output(scoringTargetRef);
    const topK = ctx.params.topK ?? getEnv().CHURNOPS_SCORING_TOP_K;
    const m = await scoringModel(t.model, t.version);
    const explained = await explainTopPredictions(ctx.runId, m, t.frame, topK);
    return { explained, topK };
  },
});

const summarise = defineStep({
  id: "summarise",
  title: "Score summary and CSV export",
  output: z.object({
    rows: z.number().int(),
    mean: z.number().nullable(),
    p50: z.number().nullable(),
    p90: z.number().nullable(),
    p99: z.number().nullable(),
    highRiskRate: z.number().nullable(),
    highRiskThreshold: z.number(),
    csvKey: z.string(),
    /** CBPE before labels: calibration used, expected ROC-AUC and precision@K (bands in monitoring.scoring_runs.estimate) */
    calibration: z.string().nullable(),
    expectedRocAuc: z.number().nullable(),
    expectedPrecisionAtK: z.number().nullable(),
  }),
  async run(ctx: Ctx) {
    const t = ctx.output(scoringTargetRef);
    const scored = ctx.output(score);
    const threshold = getEnv().CHURNOPS_HIGH_RISK_THRESHOLD;
    const summary = await summarisePredictions(ctx.runId, threshold);
    const day = t.frame.asOf && t.frame.asOf !== "all" ? t.frame.asOf : new Date().toISOString().slice(0, 10);
    const csv = await exportPredictionsCsv(ctx.runId, t.dataset, day);
    const m = await scoringModel(t.model, t.version);
    const estimate = await estimateRun(ctx.runId, m.artifact, ctx.params.topK ?? getEnv().CHURNOPS_SCORING_TOP_K);
    await query(
      `INSERT INTO monitoring.scoring_runs (run_id, dataset, model, version, model_version_id, family, as_of, frame, scored_in, rows, mean, p50, p90, p99,
                                            high_risk_rate, high_risk_threshold, csv_key, duration_ms, estimate)
       VALUES ($1, $2, $3, $4, $5, $6, $7::date, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)
       ON CONFLICT (run_id) DO UPDATE SET rows = EXCLUDED.rows, mean = EXCLUDED.mean, p50 = EXCLUDED.p50, p90 = EXCLUDED.p90, p99 = EXCLUDED.p99,
         high_risk_rate = EXCLUDED.high_risk_rate, high_risk_threshold = EXCLUDED.high_risk_threshold, csv_key = EXCLUDED.csv_key,
         duration_ms = EXCLUDED.duration_ms, scored_in = EXCLUDED.scored_in, estimate = EXCLUDED.estimate`,
      [ctx.runId, t.dataset, t.model, t.version, t.versionId, t.family, t.frame.asOf && t.frame.asOf !== "all" ? t.frame.asOf : null, JSON.stringify(t.frame),
       scored.scoredIn, summary.rows, summary.mean, summary.p50, summary.p90, summary.p99, summary.highRiskRate, threshold, csv.key, Math.round(scored.durationMs), estimate ? JSON.stringify(estimate) : null],
    );
    return {
      ...summary, highRiskThreshold: threshold, csvKey: csv.key, calibration: estimate?.calibration ?? null,
      expectedRocAuc: estimate?.rocAuc?.estimate ?? null, expectedPrecisionAtK: estimate?.precisionAtK.estimate ?? null,
    };
  },
});

export const scoringSteps = [score, explainTop, summarise] as const;
