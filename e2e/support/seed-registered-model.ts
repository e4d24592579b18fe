// Seeds one registered model with two versions into the e2e server's database, through lib/registry's own
// functions (save, promotion rule, search trials), as a training run would. The one place the model e2e specs get
// their data from: when a real `churnops run train-elearning` is fast enough for e2e, replace this file's body
// with that run and keep its output shape.
//
// Run in a child process (it needs the TypeScript loader and the CHURNOPS_HOME of the e2e server):
//   node --import ./bin/register-hooks.mjs e2e/support/seed-registered-model.ts <model-name>
// Prints one JSON line: { model, versions: [{ version, runId, primaryMetricValue, promoted }] }.
import crypto from "node:crypto";
import { closeDb } from "../../lib/db/client.ts";
import { query } from "../../lib/db/sql.ts";
import { evaluateBinary } from "../../lib/ml/metrics/evaluate-binary.ts";
import { mulberry32, type Random } from "../../lib/ml/random.ts";
import { applyPromotionDecision } from "../../lib/registry/apply-promotion-decision.ts";
import { decidePromotion } from "../../lib/registry/decide-promotion.ts";
import { recordSearchTrial } from "../../lib/registry/record-search-trial.ts";
import { saveModelVersion } from "../../lib/registry/save-model-version.ts";
import { outboxEmit } from "../../lib/registry/testing.ts";
import type { TrainingSnapshot } from "../../lib/registry/types.ts";

const ROWS = 1500;
const PRIMARY = "pr_auc";
const FEATURES = ["days_since_last_active", "logins_30d", "watch_minutes_30d", "payment_fail_rate_30d", "plan", "quiz_score_mean_30d"] as const;

function gaussian(random: Random): number {
  const u = Math.max(random(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

/** A synthetic e-learning test set: raw feature values and the churn label drawn from a known logit. */
function testSet(seed: number) {
  const random = mulberry32(seed);
  const raw: Record<(typeof FEATURES)[number], (number | string)[]> = Object.fromEntries(FEATURES.map((f) => [f, []])) as never;
  const y: number[] = [];
  for (let i = 0; i < ROWS; i++) {
    const inactive = Math.max(0, Math.round(6 + 6 * gaussian(random)));
    const logins = Math.max(0, Math.round(12 + 6 * gaussian(random) - inactive / 3));
    const watch = Math.max(0, 200 + 120 * gaussian(random) + 8 * logins);
    const fail = Math.min(1, Math.max(0, 0.05 + 0.08 * gaussian(random)));
    const paid = random() < 0.35 ? "paid" : "free";
    const quiz = Math.min(100, Math.max(0, 70 + 12 * gaussian(random)));
    const logit = -1.2 + 0.28 * (inactive - 6) - 0.12 * (logins - 12) - 0.002 * (watch - 300) + 6 * (fail - 0.05) - 0.6 * (paid === "paid" ? 1 : 0) + 0.6 * gaussian(random);
    y.push(random() < 1 / (1 + Math.exp(-logit)) ? 1 : 0);
    raw.days_since_last_active.push(inactive);
    raw.logins_30d.push(logins);
    raw.watch_minutes_30d.push(Number(watch.toFixed(1)));
    raw.payment_fail_rate_30d.push(Number(fail.toFixed(3)));
    raw.plan.push(paid);
    raw.quiz_score_mean_30d.push(Number(quiz.toFixed(1)));
  }
  return { raw, y };
}

/** A linear model on the raw values: exact SHAP w·(x − mean), the probabilities, the test report, importances. */
function scoreVersion(set: ReturnType<typeof testSet>, weights: Record<(typeof FEATURES)[number], number>, intercept: number) {
  const numeric = (f: (typeof FEATURES)[number]) => set.raw[f].map((v) => (typeof v === "number" ? v : v === "paid" ? 1 : 0));
  const features = FEATURES.map((f) => {
    const x = numeric(f);
    const mean = x.reduce((s, v) => s + v, 0) / x.length;
    return { feature: f, shap: x.map((v) => weights[f] * (v - mean)), mean };
  });
  const base = intercept + FEATURES.reduce((s, f, i) => s + weights[f] * features[i].mean, 0);
  const probability = set.y.map((_, r) => 1 / (1 + Math.exp(-(base + features.reduce((s, f) => s + f.shap[r], 0)))));
  const report = evaluateBinary(set.y, probability);
  const importances = features.map((f) => ({ feature: f.feature, mean_abs_shap: f.shap.reduce((s, v) => s + Math.abs(v), 0) / f.shap.length }));
  const rows = Array.from({ length: 400 }, (_, i) => Math.floor((i * ROWS) / 400));
  const shapSample = { rows, features: features.map((f) => ({ feature: f.feature, shap: rows.map((r) => f.shap[r]), value: rows.map((r) => set.raw[f.feature][r]) })) };
  return { report, importances, shapSample };
}

async function run(pipelineId: string): Promise<string> {
  const id = crypto.randomUUID();
  await query(`INSERT INTO ops.pipeline_runs (id, pipeline_id, trigger, executor, status, concurrency_key) VALUES ($1, $2, 'manual', 'local', 'succeeded', $2)`, [id, pipelineId]);
  return id;
}

async function loadSnapshot(table: string, rows: number): Promise<TrainingSnapshot> {
  const sourceRunId = await run("elearning-load");
  const relation = `snapshots.e2e_${sourceRunId.replaceAll("-", "").slice(0, 16)}`;
  const checksum = crypto.createHash("sha256").update(`${table}:${sourceRunId}`).digest("hex");
  await query(`INSERT INTO ops.run_lineage (run_id, direction, kind, name, snapshot_table, row_count, checksum) VALUES ($1, 'output', 'table', $2, $3, $4, $5)`, [sourceRunId, table, relation, rows, checksum]);
  return { table, runId: sourceRunId, relation, rowCount: rows, checksum };
}

async function seed(model: string) {
  const set = testSet(7);
  const users = await loadSnapshot("staging.elearning_users", 2000);
  const specs = [
    { weights: { days_since_last_active: 0.27, logins_30d: -0.11, watch_minutes_30d: -0.002, payment_fail_rate_30d: 5.5, plan: -0.55, quiz_score_mean_30d: 0 }, intercept: -1.2, C: 1, l1: 0.5, events: 480_000 },
    // v2: trained on newer events but weaker on this test set, so the rule keeps it as the challenger
    { weights: { days_since_last_active: 0.12, logins_30d: -0.05, watch_minutes_30d: -0.001, payment_fail_rate_30d: 2, plan: -0.2, quiz_score_mean_30d: 0.01 }, intercept: -1.1, C: 0.1, l1: 1, events: 512_000 },
  ];
  const out: { version: number; runId: string; primaryMetricValue: number | null; promoted: boolean }[] = [];
  let champion: { version: number; value: number } | null = null;
  for (const [i, spec] of specs.entries()) {
    const runId = await run("train-elearning");
    const events = await loadSnapshot("staging.elearning_events", spec.events);
    const { report, importances, shapSample } = scoreVersion(set, spec.weights, spec.intercept);
    for (const [k, l1] of [0, 0.5, 1].entries()) {
      for (const [j, C] of [0.001, 0.01, 0.1, 1, 10, 100].entries()) {
        const score = 0.55 + 0.25 * Math.exp(-((Math.log10(C) - Math.log10(spec.C)) ** 2) / 3) - 0.02 * Math.abs(l1 - spec.l1);
        await recordSearchTrial({ runId, modelName: model, family: "logistic-regression", index: k * 6 + j, params: { C, l1_ratio: l1 }, validationScore: score, metric: PRIMARY });
      }
    }
    const saved = await saveModelVersion(
      {
        model: { name: model, dataset: "elearning", primaryMetric: PRIMARY },
        runId,
        modelJson: { family: "logistic-regression", intercept: spec.intercept, coefficients: new Float64Array(FEATURES.map((f) => spec.weights[f])) },
        preprocessing: { numeric: FEATURES.filter((f) => f !== "plan"), categorical: ["plan"] },
        featureSchema: FEATURES.map((f) => ({ name: f, kind: f === "plan" ? "categorical" : "numeric" })),
        params: { C: spec.C, l1_ratio: spec.l1, class_weight: "balanced", max_iter: 200 },
        metrics: { ...report },
        lineage: { dataHash: crypto.createHash("sha256").update(`${model}:${i}`).digest("hex"), featureSetVersion: "elearning-v1", snapshots: [users, events] },
        importances,
        shapSample,
        pinSnapshots: false,
      },
      { emit: outboxEmit(runId) },
    );
    const value = saved.primaryMetricValue!;
    const decision = decidePromotion({ primaryMetric: PRIMARY, candidate: value, champion: champion?.value ?? null, minDelta: 0.005 });
    const outcome = await applyPromotionDecision({ model, version: saved.version, decision, championVersion: champion?.version ?? null, runId });
    if (outcome.promoted) champion = { version: saved.version, value };
    out.push({ version: saved.version, runId, primaryMetricValue: saved.primaryMetricValue, promoted: outcome.promoted });
  }
  return { model, versions: out };
}

const name = process.argv[2] ?? "e2e-churn";
try {
  process.stdout.write(`${JSON.stringify(await seed(name))}\n`);
} finally {
  await closeDb();
}
