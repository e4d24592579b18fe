import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { query } from "../db/sql.ts";
import { listPerformanceRuns } from "./performance-runs.ts";
import { latestRealisedRun, listSegmentMetrics } from "./segment-metrics.ts";

// Hand-written scoring runs with and without a CBPE estimate, and realised metrics for some of them: every number
// asserted below is read back from these rows.
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
const OLDEST = id(401); // e-learning, 5 days ago: estimate + realised (its labels joined last, by a newer load)
const LABELLED = id(402); // e-learning, 3 days ago: estimate + realised overall and by segment (the segment table's run)
const BANDLESS = id(403); // e-learning, 1 day ago: estimate without ROC-AUC, precision@K band edges null (NaN)
const NO_ESTIMATE = id(404); // e-learning, 1 hour ago: scored before estimates existed (estimate null)
const WALLET = id(405); // wallet, 2 hours ago: realised overall only, flagged
const GARBAGE = id(406); // table:telco: an estimate column that is not an estimate
const VERSION = id(410);
const NOW = Date.parse("2026-12-02T12:00:00Z");
const at = (hoursAgo: number) => new Date(NOW - hoursAgo * 3600_000);

const estimate = (roc: number | null, pak: number, band: [number | null, number | null] = [pak - 0.1, pak + 0.1]) => ({
  rows: 500,
  expectedPositives: 80.5,
  threshold: 0.5,
  confusion: { tp: { estimate: 30, lower: 25, upper: 35 }, fp: { estimate: 20, lower: 15, upper: 25 }, fn: { estimate: 50, lower: 45, upper: 55 }, tn: { estimate: 400, lower: 395, upper: 405 } },
  rocAuc: roc === null ? null : { estimate: roc, lower: roc - 0.03, upper: roc + 0.03 },
  precisionAtK: { k: 50, estimate: pak, lower: band[0], upper: band[1] },
  band: { level: 0.95, samples: 500, seed: 42 },
  calibration: "isotonic",
});

async function scoringRun(runId: string, dataset: string, created: Date, est: unknown) {
  await query(
    `INSERT INTO monitoring.scoring_runs (run_id, dataset, model, version, model_version_id, family, as_of, frame, scored_in, rows, high_risk_threshold, duration_ms, estimate, created_at)
     VALUES ($1, $2, 'elearning-churn', 4, $3, 'logistic-regression', '2026-11-01', '{}', 'postgres', 500, 0.7, 100, $4::jsonb, $5)`,
    [runId, dataset, VERSION, est === null ? null : JSON.stringify(est), created],
  );
}

type Metrics = [rows: number, positives: number, roc: number | null, pr: number | null, k: number, pak: number | null, ece: number | null, flagged: boolean];
async function segment(runId: string, dataset: string, column: string, value: string, [rows, positives, roc, pr, k, pak, ece, flagged]: Metrics, computed: Date) {
  await query(
    `INSERT INTO monitoring.segment_metrics (run_id, dataset, segment_column, segment_value, rows, positives, roc_auc, pr_auc, k, precision_at_k, brier, calibration_error, flagged, labels_from, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, 'features.elearning_user_day (load x)', $14)`,
    [runId, dataset, column, value, rows, positives, roc, pr, k, pak, roc === null ? null : 0.1, ece, flagged, computed],
  );
}
const TOO_FEW: Metrics = [12, 4, null, null, 12, null, null, false];

describe("performance queries", () => {
  beforeAll(async () => {
    await query(`TRUNCATE monitoring.scoring_runs, monitoring.segment_metrics`);
    await scoringRun(OLDEST, "elearning", at(120), estimate(0.7, 0.4));
    await scoringRun(LABELLED, "elearning", at(72), estimate(0.82, 0.6));
    await scoringRun(BANDLESS, "elearning", at(24), estimate(null, 0.2, [null, null]));
    await scoringRun(NO_ESTIMATE, "elearning", at(1), null);
    await scoringRun(WALLET, "wallet", at(2), null);
    await scoringRun(GARBAGE, "table:telco", at(3), { hello: "world" });

    await segment(OLDEST, "elearning", "(all)", "(all)", [480, 70, 0.71, 0.33, 50, 0.38, 0.04, false], at(0.5));
    await segment(LABELLED, "elearning", "(all)", "(all)", [490, 75, 0.8, 0.41, 50, 0.58, 0.03, false], at(48));
    await segment(LABELLED, "elearning", "plan", "paid", TOO_FEW, at(48));
    await segment(LABELLED, "elearning", "plan", "free", [478, 71, 0.79, 0.22, 50, 0.5, 0.05, true], at(48));
    await segment(LABELLED, "elearning", "country", "(missing)", [40, 0, null, null, 40, null, null, false], at(48));
    await segment(LABELLED, "elearning", "country", "BR", [450, 75, 0.81, 0.42, 50, 0.6, 0.02, false], at(48));
    await segment(WALLET, "wallet", "(all)", "(all)", [300, 30, 0.6, 0.18, 50, 0.2, 0.09, true], at(2));
  });

  afterAll(async () => {
    await query(`TRUNCATE monitoring.scoring_runs, monitoring.segment_metrics`);
  });

  it("lists a dataset's scoring runs newest first with their estimate and realised overall metrics", async () => {
    const runs = await listPerformanceRuns("elearning");
    expect(runs.map((r) => r.runId)).toEqual([NO_ESTIMATE, BANDLESS, LABELLED, OLDEST]);
    expect(runs[0]).toEqual({ runId: NO_ESTIMATE, model: "elearning-churn", version: 4, createdAt: at(1).toISOString(), asOf: "2026-11-01", estimate: null, realised: null });
    expect(runs[1]!.estimate).toEqual({ rows: 500, expectedPositives: 80.5, rocAuc: null, precisionAtK: { k: 50, estimate: 0.2, lower: null, upper: null }, level: 0.95, calibration: "isotonic" });
    expect(runs[1]!.realised).toBeNull();
    expect(runs[2]!.estimate?.rocAuc).toEqual({ estimate: 0.82, lower: expect.closeTo(0.79, 12), upper: expect.closeTo(0.85, 12) });
    expect(runs[2]!.realised).toEqual({
      rows: 490, positives: 75, rocAuc: 0.8, prAuc: 0.41, k: 50, precisionAtK: 0.58, calibrationError: 0.03, flagged: false,
      labelsFrom: "features.elearning_user_day (load x)", computedAt: at(48).toISOString(),
    });
    expect((await listPerformanceRuns("elearning", 1)).map((r) => r.runId)).toEqual([NO_ESTIMATE]);
  });

  it("reads a realised run without estimate, and an estimate column that is not an estimate as none", async () => {
    const [wallet] = await listPerformanceRuns("wallet");
    expect(wallet).toMatchObject({ runId: WALLET, estimate: null, realised: { rows: 300, prAuc: 0.18, flagged: true } });
    const [garbage] = await listPerformanceRuns("table:telco");
    expect(garbage).toMatchObject({ runId: GARBAGE, estimate: null, realised: null });
    expect(await listPerformanceRuns("table:none")).toEqual([]);
  });

  it("picks the newest scored run with realised metrics, not the one whose labels were joined last", async () => {
    expect(await latestRealisedRun("elearning")).toEqual({
      runId: LABELLED, model: "elearning-churn", version: 4, scoredAt: at(72).toISOString(), asOf: "2026-11-01",
      labelsFrom: "features.elearning_user_day (load x)", computedAt: at(48).toISOString(), segmentColumns: ["country", "plan"],
    });
    expect(await latestRealisedRun("wallet")).toMatchObject({ runId: WALLET, segmentColumns: [] });
    expect(await latestRealisedRun("table:telco")).toBeNull();
  });

  it("lists the overall row first, then each segment column by name, values largest first, with why metrics are missing", async () => {
    const rows = await listSegmentMetrics(LABELLED);
    expect(rows.map((r) => [r.segmentColumn, r.segmentValue, r.rows, r.gap, r.flagged])).toEqual([
      ["(all)", "(all)", 490, null, false],
      ["country", "BR", 450, null, false],
      ["country", "(missing)", 40, "one-class", false],
      ["plan", "free", 478, null, true],
      ["plan", "paid", 12, "too-few-rows", false],
    ]);
    expect(rows[3]).toEqual({
      segmentColumn: "plan", segmentValue: "free", rows: 478, positives: 71, rocAuc: 0.79, prAuc: 0.22, k: 50, precisionAtK: 0.5, brier: 0.1, calibrationError: 0.05, flagged: true, gap: null,
    });
    expect(rows[4]).toMatchObject({ rocAuc: null, prAuc: null, precisionAtK: null, calibrationError: null, brier: null, k: 12 });
  });

  it("filters to one segment column and keeps the overall row as the yardstick", async () => {
    expect((await listSegmentMetrics(LABELLED, "plan")).map((r) => r.segmentValue)).toEqual(["(all)", "free", "paid"]);
    expect((await listSegmentMetrics(LABELLED, "no such column")).map((r) => r.segmentColumn)).toEqual(["(all)"]);
    expect(await listSegmentMetrics(BANDLESS)).toEqual([]);
  });
});
