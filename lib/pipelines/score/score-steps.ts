import { z } from "zod";
import { query } from "../../db/sql.ts";
import { getEnv } from "../../env.ts";
import { scoringModel } from "../../scoring/champion-version.ts";
import { exportPredictionsCsv } from "../../scoring/predictions-csv.ts";
import { scorePredictions } from "../../scoring/score-predictions.ts";
import { summarisePredictions } from "../../scoring/scoring-summary.ts";
import { explainTopPredictions } from "../../scoring/explain-top.ts";
import { estimateRun } from "../../scoring/estimate-run.ts";
import { realisedPerformance } from "../../scoring/realised-performance.ts";
import { scoringSource } from "../../scoring/scoring-frame.ts";
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

const realised = defineStep({
  id: "realised-performance",
  title: "Realised performance where labels exist",
  output: z.object({
    /** this run's rows that already have a label (wallet: EVALUATE; tables: the target; e-learning: 30 days later) */
    labelled: z.number().int(),
    prAuc: z.number().nullable(),
    rocAuc: z.number().nullable(),
    flagged: z.boolean(),
    /** earlier scoring runs of the dataset whose labels arrived with this load and were evaluated now */
    earlierRuns: z.array(z.object({ runId: z.string(), labelled: z.number().int(), prAuc: z.number().nullable() })),
  }),
  async run(ctx: Ctx) {
    const t = ctx.output(scoringTargetRef);
    const env = getEnv();
    const opts = { k: ctx.params.topK ?? env.CHURNOPS_SCORING_TOP_K, prAucThreshold: env.PR_AUC_SHADOW_THRESHOLD };
    const { source } = await scoringSource(t.frame);
    const labelsFrom = t.frame.file ? "" : `${source.relation} (load ${t.frame.sourceRunId})`;
    const own = t.frame.file ? null : await realisedPerformance(ctx.runId, t.dataset, source, { ...opts, labelsFrom });
    // Panel data: this load may hold the outcome of days scored earlier (by an older load's features).
    const earlierRuns: { runId: string; labelled: number; prAuc: number | null }[] = [];
    if (source.asOfColumn && !t.frame.file) {
      const pending = await query<{ run_id: string }>(
        `SELECT s.run_id::text FROM monitoring.scoring_runs s
          WHERE s.dataset = $1 AND s.run_id <> $2 AND s.created_at > now() - interval '120 days'
            AND NOT EXISTS (SELECT 1 FROM monitoring.segment_metrics m WHERE m.run_id = s.run_id)
          ORDER BY s.created_at DESC LIMIT 10`,
        [t.dataset, ctx.runId],
      );
      for (const r of pending) {
        const row = await realisedPerformance(r.run_id, t.dataset, source, { ...opts, labelsFrom });
        if (row) earlierRuns.push({ runId: r.run_id, labelled: row.rows, prAuc: row.prAuc });
      }
    }
    return { labelled: own?.rows ?? 0, prAuc: own?.prAuc ?? null, rocAuc: own?.rocAuc ?? null, flagged: own?.flagged ?? false, earlierRuns };
  },
});

export const scoringSteps = [score, explainTop, summarise, realised] as const;
