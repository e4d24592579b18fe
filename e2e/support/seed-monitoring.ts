// Seeds what the scoring and drift pipelines write (two e-learning scoring runs with ranked, explained predictions,
// a stored CSV and a CBPE estimate; realised performance of the older run, overall (PR-AUC flagged) and by segment;
// two drift checks, the latest a FAIL with a shifted column, per-column rows with histograms and a stored HTML report)
// into the e2e server's database, with the same tables and artifact keys as the pipelines. The
// one place e2e/monitoring.spec.ts gets its data from: when the pipelines are fast enough for e2e, run them here
// and keep the output shape.
//
//   node --import ./bin/register-hooks.mjs e2e/support/seed-monitoring.ts
// Prints one JSON line: { scoringRunId, olderScoringRunId, driftRunId, reportKey, csvKey, topEntity, rows, highRisk,
// estimate: { rocAuc, precisionAtK, k } of the latest run }.
import crypto from "node:crypto";
import { closeDb } from "../../lib/db/client.ts";
import { query } from "../../lib/db/sql.ts";
import { estimatePerformance } from "../../lib/monitoring/estimate/estimate-performance.ts";
import { riskBand } from "../../lib/scoring/risk-band.ts";
import { putArtifact } from "../../lib/storage/artifact-records.ts";
import { csvLine } from "../../lib/ui/csv-cell.ts";

const ROWS = 60;
const TOP_K = 50;
const THRESHOLD = 0.7;
const DAY = "2026-11-30";
/** an id that is markup: the pages must show it as text */
const MARKUP_ID = "<img src=x onerror=alert(1)>";

async function pipelineRun(pipelineId: string, createdAt: Date): Promise<string> {
  const id = crypto.randomUUID();
  await query(
    `INSERT INTO ops.pipeline_runs (id, pipeline_id, trigger, executor, status, concurrency_key, created_at, started_at, finished_at)
     VALUES ($1, $2, 'manual', 'local', 'succeeded', $2, $3, $3, $3)`,
    [id, pipelineId, createdAt],
  );
  return id;
}

function quantile(sorted: number[], f: number): number {
  const h = (sorted.length - 1) * f;
  const lo = Math.floor(h);
  return sorted[lo]! + (h - lo) * ((sorted[lo + 1] ?? sorted[lo]!) - sorted[lo]!);
}

async function scoringRun(createdAt: Date, shift: number, withPredictions: boolean) {
  const runId = await pipelineRun("score-elearning", createdAt);
  const versionId = crypto.randomUUID();
  const people = Array.from({ length: ROWS }, (_, i) => ({
    rank: i + 1,
    entity: i === 2 ? MARKUP_ID : `user-${String(i + 1).padStart(4, "0")}`,
    probability: Math.max(0.01, 0.95 - i * 0.015 - shift),
  }));
  const probabilities = people.map((p) => p.probability).sort((a, b) => a - b);
  const high = probabilities.filter((p) => p >= THRESHOLD).length;
  let csvKey: string | null = null;
  if (withPredictions) {
    for (const p of people) {
      const reasons =
        p.rank <= TOP_K
          ? [
              { feature: "days_since_last_activity", value: 10 + (ROWS - p.rank), contribution: 1.2 - p.rank / 100 },
              { feature: "watch_minutes_30", value: 12.5 * p.rank, contribution: -0.4 },
              { feature: "plan", value: p.rank % 2 ? "free" : "paid", contribution: 0.3 },
            ]
          : null;
      await query(
        `INSERT INTO ops.predictions (run_id, rank, model_version_id, model, version, dataset, entity_id, as_of, probability, risk_band, reasons)
         VALUES ($1, $2, $3, 'elearning-churn', 2, 'elearning', $4, $5, $6, $7, $8::jsonb)`,
        [runId, p.rank, versionId, p.entity, DAY, p.probability, riskBand(p.probability, THRESHOLD), reasons && JSON.stringify(reasons)],
      );
    }
    csvKey = `predictions/elearning/${DAY}/${runId}.csv`;
    const csv = [csvLine(["rank", "entity_id", "as_of", "probability", "risk_band", "model", "version"]), ...people.map((p) => csvLine([p.rank, p.entity, DAY, p.probability, riskBand(p.probability, THRESHOLD), "elearning-churn", 2]))];
    await putArtifact(csvKey, csv.join(""), { kind: "predictions", contentType: "text/csv", runId });
  }
  // The estimate the score step stores (lib/scoring/estimate-run.ts), from these probabilities as if Platt-calibrated.
  const estimate = { ...estimatePerformance(people.map((p) => p.probability), { k: TOP_K }), calibration: "platt" };
  await query(
    `INSERT INTO monitoring.scoring_runs (run_id, dataset, model, version, model_version_id, family, as_of, frame, scored_in, rows, mean, p50, p90, p99,
                                          high_risk_rate, high_risk_threshold, csv_key, duration_ms, estimate, created_at)
     VALUES ($1, 'elearning', 'elearning-churn', 2, $2, 'logistic-regression', $3, '{}', 'postgres', $4, $5, $6, $7, $8, $9, $10, $11, 420, $12, $13)`,
    [runId, versionId, DAY, ROWS, probabilities.reduce((a, b) => a + b, 0) / ROWS, quantile(probabilities, 0.5), quantile(probabilities, 0.9), quantile(probabilities, 0.99), high / ROWS, THRESHOLD, csvKey,
     JSON.stringify(estimate), createdAt],
  );
  return { runId, csvKey, high, estimate };
}

// Realised performance of a run whose labels arrived (what lib/scoring/realised-performance.ts writes): the overall
// PR-AUC under the 0.3 threshold (flagged), one flagged segment, one too small for metrics.
// segment column, value, rows, churners, ROC-AUC, PR-AUC, precision@K, calibration error, flagged
const SEGMENTS: [string, string, number, number, number | null, number | null, number | null, number | null, boolean][] = [
  ["(all)", "(all)", ROWS, 14, 0.742, 0.281, 0.24, 0.061, true],
  ["plan", "free", 34, 10, 0.701, 0.254, 0.294, 0.083, true],
  ["plan", "paid", 26, 4, null, null, null, null, false],
  ["country", "BR", 60, 14, 0.742, 0.312, 0.24, 0.061, false],
];

async function realised(runId: string, computedAt: Date) {
  for (const [column, value, rows, positives, roc, pr, pak, ece, flagged] of SEGMENTS) {
    await query(
      `INSERT INTO monitoring.segment_metrics (run_id, dataset, segment_column, segment_value, rows, positives, roc_auc, pr_auc, k, precision_at_k, brier, calibration_error, flagged, labels_from, created_at)
       VALUES ($1, 'elearning', $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 'features.elearning_user_day (load e2e)', $13)`,
      [runId, column, value, rows, positives, roc, pr, Math.min(TOP_K, rows), pak, roc === null ? null : 0.15, ece, flagged, computedAt],
    );
  }
}

const REPORT = (runId: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Drift report</title>
<style>body{font-family:system-ui,sans-serif;margin:16px;color:#111;background:#fff} .fail{color:#b91c1c}</style></head>
<body><h1>Drift report: elearning</h1><p class="fail">Dataset drift: FAIL (1 of 3 columns drifted)</p><p>Run ${runId}</p>
<svg width="120" height="40" role="img" aria-label="watch_minutes_30 histogram"><rect x="0" y="10" width="40" height="30" fill="#888"/><rect x="60" y="0" width="40" height="40" fill="#444"/></svg>
<script>document.body.setAttribute("data-script-ran", "yes"); try { parent.document.title = "report script escaped"; } catch (e) {}</script>
</body></html>
`;

async function driftRun(createdAt: Date, scoringRunId: string, failing: boolean) {
  const runId = await pipelineRun("drift-elearning", createdAt);
  const reportKey = `reports/drift/elearning/${createdAt.toISOString().slice(0, 10)}-${runId.slice(0, 8)}.html`;
  await putArtifact(reportKey, REPORT(runId), { kind: "report", contentType: "text/html", runId });
  const drifted = failing ? 2 : 0;
  await query(
    `INSERT INTO monitoring.drift_runs (run_id, dataset, model, version, scoring_run_id, reference_rows, current_rows, columns, drifted_columns, drifted_share,
                                        share_threshold, dataset_drift, max_psi, status, report_key, created_at)
     VALUES ($1, 'elearning', 'elearning-churn', 2, $2, 480, $3, 3, $4::int, $4::int / 3.0, 0.5, $4::int / 3.0 >= 0.5, $5, $6, $7, $8)`,
    [runId, scoringRunId, ROWS, drifted, failing ? 3.1 : 0.03, failing ? "fail" : "pass", reportKey, createdAt],
  );
  const columns = [
    // watch minutes × 50: the shift the "done when" injects
    { column: "watch_minutes_30", kind: "numeric", test: "ks", statistic: failing ? 0.92 : 0.04, p: failing ? 1e-12 : 0.81, threshold: 0.05, drifted: failing, psi: failing ? 3.1 : 0.02, psiStatus: failing ? "fail" : "pass",
      histogram: { kind: "numeric", edges: [0, 50, 100, 200, 5000, 20000], reference: [0.3, 0.3, 0.3, 0.1, 0], current: failing ? [0, 0.02, 0.03, 0.3, 0.65] : [0.3, 0.3, 0.28, 0.12, 0] } },
    { column: "days_since_last_activity", kind: "numeric", test: "ks", statistic: failing ? 0.31 : 0.05, p: failing ? 0.001 : 0.6, threshold: 0.05, drifted: failing, psi: failing ? 0.18 : 0.03, psiStatus: failing ? "warn" : "pass",
      histogram: { kind: "numeric", edges: [0, 1, 3, 7, 30], reference: [0.4, 0.3, 0.2, 0.1], current: failing ? [0.2, 0.3, 0.3, 0.2] : [0.38, 0.31, 0.2, 0.11] } },
    { column: "plan", kind: "categorical", test: "chi_square", statistic: 0.8, p: 0.37, threshold: 0.05, drifted: false, psi: null, psiStatus: null,
      histogram: { kind: "categorical", categories: ["free", "paid"], reference: [0.65, 0.35], current: [0.6, 0.4] } },
  ];
  for (const c of columns) {
    await query(
      `INSERT INTO monitoring.drift_columns (run_id, "column", kind, test, statistic, p_value, threshold, drifted, psi, psi_status, histogram)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::jsonb)`,
      [runId, c.column, c.kind, c.test, c.statistic, c.p, c.threshold, c.drifted, c.psi, c.psiStatus, JSON.stringify(c.histogram)],
    );
  }
  return { runId, reportKey };
}

async function seed() {
  const now = Date.now();
  const older = await scoringRun(new Date(now - 3 * 86_400_000), 0.1, false);
  const latest = await scoringRun(new Date(now - 3_600_000), 0, true);
  await realised(older.runId, new Date(now - 1_800_000));
  await driftRun(new Date(now - 3 * 86_400_000 + 600_000), older.runId, false);
  const drift = await driftRun(new Date(now - 3_000_000), latest.runId, true);
  return {
    scoringRunId: latest.runId,
    olderScoringRunId: older.runId,
    driftRunId: drift.runId,
    reportKey: drift.reportKey,
    csvKey: latest.csvKey,
    topEntity: "user-0001",
    rows: ROWS,
    highRisk: latest.high,
    estimate: { rocAuc: latest.estimate.rocAuc!.estimate, precisionAtK: latest.estimate.precisionAtK.estimate, k: latest.estimate.precisionAtK.k },
  };
}

try {
  process.stdout.write(`${JSON.stringify(await seed())}\n`);
} finally {
  await closeDb();
}
