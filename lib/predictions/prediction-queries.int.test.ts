import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { query } from "../db/sql.ts";
import { setupChecklist } from "../overview/setup-checklist.ts";
import { monitoredDatasets } from "./monitored-datasets.ts";
import { iterateRunPredictions, listRunPredictions } from "./run-predictions.ts";
import { getScoringRun, latestScoringRuns, listScoringRuns } from "./scoring-runs.ts";

// Hand-written scoring runs and predictions: every number asserted below is counted from these rows.
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
const OLD = id(101); // e-learning, 2 days ago
const NEW = id(102); // e-learning, 1 hour ago: the latest, with 7 predictions
const TABLE = id(103); // table:telco
const DRIFT_ONLY = id(104); // a wallet drift run with no scoring run
const VERSION = id(110);
const NOW = Date.parse("2026-12-02T12:00:00Z");
const at = (hoursAgo: number) => new Date(NOW - hoursAgo * 3600_000);
const TABLES = "monitoring.scoring_runs, monitoring.drift_runs, ops.predictions";

const REASONS = (k: number) => [
  { feature: "days_since_last_activity", value: 30 - k, contribution: 1.5 - k / 10 },
  { feature: "plan", value: "free", contribution: 0.4 },
  { feature: "logins_7", value: null, contribution: -0.2 },
];

// rank, entity id, probability, band, reasons (top 3 only; rank 4 has a malformed value that must not reach a page)
const PREDICTIONS: [number, string, number, string, unknown][] = [
  [1, "user_10", 0.95, "high", REASONS(1)],
  [2, "USER_11", 0.81, "high", REASONS(2)],
  [3, "a%b", 0.6, "medium", REASONS(3)],
  [4, "a_b", 0.4, "medium", { not: "a list" }],
  [5, "user_2", 0.3, "low", null],
  [6, "x\\y", 0.2, "low", null],
  [7, "user_100", 0.1, "low", null],
];

async function scoringRun(runId: string, dataset: string, created: Date, rows: number, rate: number | null, csvKey: string | null) {
  await query(
    `INSERT INTO monitoring.scoring_runs (run_id, dataset, model, version, model_version_id, family, as_of, frame, scored_in, rows, mean, p50, p90, p99,
                                          high_risk_rate, high_risk_threshold, csv_key, duration_ms, created_at)
     VALUES ($1, $2, 'elearning-churn', 3, $3, 'logistic-regression', '2026-11-30', '{}', 'postgres', $4, 0.42, 0.4, 0.8, 0.95, $5, 0.7, $6, 1234, $7)`,
    [runId, dataset, VERSION, rows, rate, csvKey, created],
  );
}

describe("prediction queries", () => {
  beforeAll(async () => {
    await query(`TRUNCATE ${TABLES} CASCADE`);
    await scoringRun(OLD, "elearning", at(48), 1000, 0.1, "predictions/elearning/2026-11-28/old.csv");
    await scoringRun(NEW, "elearning", at(1), 7, 2 / 7, "predictions/elearning/2026-11-30/new.csv");
    await scoringRun(TABLE, "table:telco", at(5), 3, null, null);
    for (const [rank, entity, p, band, reasons] of PREDICTIONS) {
      await query(
        `INSERT INTO ops.predictions (run_id, rank, model_version_id, model, version, dataset, entity_id, as_of, probability, risk_band, reasons)
         VALUES ($1, $2, $3, 'elearning-churn', 3, 'elearning', $4, '2026-11-30', $5, $6, $7::jsonb)`,
        [NEW, rank, VERSION, entity, p, band, reasons === null ? null : JSON.stringify(reasons)],
      );
    }
    await query(
      `INSERT INTO monitoring.drift_runs (run_id, dataset, reference_rows, current_rows, columns, drifted_columns, drifted_share, share_threshold, dataset_drift, status, created_at)
       VALUES ($1, 'wallet', 100, 100, 4, 0, 0, 0.5, false, 'pass', $2)`,
      [DRIFT_ONLY, at(3)],
    );
  });

  afterAll(async () => {
    await query(`TRUNCATE ${TABLES} CASCADE`);
  });

  it("lists the monitored datasets, fixed sources first, with their run counts", async () => {
    const ds = await monitoredDatasets();
    expect(ds.map((d) => [d.dataset, d.scoringRuns, d.driftRuns])).toEqual([["elearning", 2, 0], ["wallet", 0, 1], ["table:telco", 1, 0]]);
    expect(ds[0]!.lastScoredAt).toBe(at(1).toISOString());
    expect(ds[1]!.lastScoredAt).toBeNull();
    expect(ds[1]!.lastDriftAt).toBe(at(3).toISOString());
  });

  it("lists a dataset's scoring runs newest first with the high-risk count", async () => {
    const runs = await listScoringRuns("elearning");
    expect(runs.map((r) => r.runId)).toEqual([NEW, OLD]);
    expect(runs[0]).toMatchObject({ model: "elearning-churn", version: 3, asOf: "2026-11-30", rows: 7, highRiskCount: 2, highRiskThreshold: 0.7, csvKey: "predictions/elearning/2026-11-30/new.csv", durationMs: 1234 });
    expect(runs[1]!.highRiskCount).toBe(100);
    expect(runs[0]!.createdAt).toBe(at(1).toISOString());
    expect(await listScoringRuns("wallet")).toEqual([]);
    expect((await getScoringRun(TABLE))?.highRiskCount).toBeNull();
    expect(await getScoringRun(id(999))).toBeNull();
  });

  it("gives the latest scoring run of each dataset", async () => {
    expect((await latestScoringRuns()).map((r) => [r.dataset, r.runId])).toEqual([["elearning", NEW], ["table:telco", TABLE]]);
  });

  it("pages a run's predictions in rank order with the band counts of the whole run", async () => {
    const page1 = await listRunPredictions({ runId: NEW }, 1, 3);
    expect(page1.rows.map((r) => r.entityId)).toEqual(["user_10", "USER_11", "a%b"]);
    expect(page1.total).toBe(7);
    expect(page1.bandCounts).toEqual({ high: 2, medium: 2, low: 3 });
    expect(page1.rows[0]).toEqual({ rank: 1, entityId: "user_10", asOf: "2026-11-30", probability: 0.95, riskBand: "high", reasons: REASONS(1) });
    const page3 = await listRunPredictions({ runId: NEW }, 3, 3);
    expect(page3.rows.map((r) => r.rank)).toEqual([7]);
  });

  it("filters by band and by part of the id, case-insensitively, taking % _ and \\ literally", async () => {
    const ids = async (f: { band?: "high" | "medium" | "low"; q?: string }) => (await listRunPredictions({ runId: NEW, ...f })).rows.map((r) => r.entityId);
    expect(await ids({ band: "medium" })).toEqual(["a%b", "a_b"]);
    expect(await ids({ q: "user_1" })).toEqual(["user_10", "USER_11", "user_100"]);
    expect(await ids({ q: "user_1", band: "low" })).toEqual(["user_100"]);
    expect(await ids({ q: "%" })).toEqual(["a%b"]);
    expect(await ids({ q: "_" })).toEqual(["user_10", "USER_11", "a_b", "user_2", "user_100"]);
    expect(await ids({ q: "\\" })).toEqual(["x\\y"]);
    expect((await listRunPredictions({ runId: NEW, q: "nobody" })).total).toBe(0);
  });

  it("never passes on reasons of the wrong shape", async () => {
    const { rows } = await listRunPredictions({ runId: NEW, band: "medium" });
    expect(rows.map((r) => r.reasons === null)).toEqual([false, true]);
  });

  it("iterates every matching row in batches (the CSV download)", async () => {
    const batches: number[][] = [];
    for await (const b of iterateRunPredictions({ runId: NEW }, 3)) batches.push(b.map((r) => r.rank));
    expect(batches).toEqual([[1, 2, 3], [4, 5, 6], [7]]);
    const low: string[] = [];
    for await (const b of iterateRunPredictions({ runId: NEW, band: "low" }, 2)) low.push(...b.map((r) => r.entityId));
    expect(low).toEqual(["user_2", "x\\y", "user_100"]);
  });

  it("ticks the checklist's score step once a scoring run exists", async () => {
    const score = (await setupChecklist()).find((i) => i.id === "score")!;
    expect(score).toMatchObject({ done: true, href: "/predictions" });
    await query(`TRUNCATE monitoring.scoring_runs`);
    expect((await setupChecklist()).find((i) => i.id === "score")).toMatchObject({ done: false, href: "/pipelines" });
  });
});
