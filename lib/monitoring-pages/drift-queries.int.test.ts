import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { query } from "../db/sql.ts";
import { driftColumns } from "./drift-columns.ts";
import { latestDriftRuns, listDriftRuns } from "./drift-runs.ts";

// Hand-written drift checks: every number asserted below is read back from these rows.
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
const OLD = id(201); // e-learning, pass, 3 days ago
const NEW = id(202); // e-learning, fail, 1 hour ago, with four columns
const WALLET = id(203); // wallet, warn
const SCORING = id(210);
const NOW = Date.parse("2026-12-02T12:00:00Z");
const at = (hoursAgo: number) => new Date(NOW - hoursAgo * 3600_000);

const NUMERIC = { kind: "numeric", edges: [0, 10, 20, 30], reference: [0.5, 0.3, 0.2], current: [0.1, 0.3, 0.6] };
const CATEGORICAL = { kind: "categorical", categories: ["free", "paid"], reference: [0.6, 0.4], current: [0.55, 0.45] };

async function driftRun(runId: string, dataset: string, created: Date, drifted: number, status: string, maxPsi: number | null, reportKey: string | null) {
  await query(
    `INSERT INTO monitoring.drift_runs (run_id, dataset, model, version, scoring_run_id, reference_rows, current_rows, columns, drifted_columns, drifted_share,
                                        share_threshold, dataset_drift, max_psi, status, report_key, created_at)
     VALUES ($1, $2, 'elearning-churn', 2, $3, 5000, 2000, 4, $4::int, $4::int / 4.0, 0.5, $4::int / 4.0 >= 0.5, $5, $6, $7, $8)`,
    [runId, dataset, SCORING, drifted, maxPsi, status, reportKey, created],
  );
}

async function column(runId: string, name: string, kind: string, test: string, drifted: boolean, psi: number | null, psiStatus: string | null, histogram: unknown) {
  await query(
    `INSERT INTO monitoring.drift_columns (run_id, "column", kind, test, statistic, p_value, threshold, drifted, psi, psi_status, histogram)
     VALUES ($1, $2, $3, $4, 0.42, $5, 0.05, $6, $7, $8, $9::jsonb)`,
    [runId, name, kind, test, test === "ks" || test === "chi_square" ? 0.001 : null, drifted, psi, psiStatus, JSON.stringify(histogram)],
  );
}

describe("drift queries", () => {
  beforeAll(async () => {
    await query(`TRUNCATE monitoring.drift_runs CASCADE`);
    await driftRun(OLD, "elearning", at(72), 0, "pass", 0.02, "reports/drift/elearning/2026-11-29.html");
    await driftRun(NEW, "elearning", at(1), 2, "fail", 0.61, "reports/drift/elearning/2026-12-02.html");
    await driftRun(WALLET, "wallet", at(2), 1, "warn", null, null);
    await column(NEW, "watch_minutes_30", "numeric", "ks", true, 0.61, "fail", NUMERIC);
    await column(NEW, "logins_7", "numeric", "ks", true, 0.12, "warn", NUMERIC);
    await column(NEW, "plan", "categorical", "chi_square", false, null, null, CATEGORICAL);
    // a histogram whose lengths disagree: kept as a row, drawn as "no histogram"
    await column(NEW, "a <b>", "numeric", "wasserstein_normed", false, 0.01, "pass", { kind: "numeric", edges: [0, 1], reference: [1, 0], current: [1] });
  });

  afterAll(async () => {
    await query(`TRUNCATE monitoring.drift_runs CASCADE`);
  });

  it("lists a dataset's drift checks newest first", async () => {
    const runs = await listDriftRuns("elearning");
    expect(runs.map((r) => r.runId)).toEqual([NEW, OLD]);
    expect(runs[0]).toEqual({
      runId: NEW, dataset: "elearning", model: "elearning-churn", version: 2, scoringRunId: SCORING, referenceRows: 5000, currentRows: 2000, columns: 4,
      driftedColumns: 2, driftedShare: 0.5, shareThreshold: 0.5, datasetDrift: true, maxPsi: 0.61, status: "fail",
      reportKey: "reports/drift/elearning/2026-12-02.html", createdAt: at(1).toISOString(), psiThreshold: null, baselineRunId: null,
    });
    expect(await listDriftRuns("table:none")).toEqual([]);
    expect((await listDriftRuns("elearning", 1)).map((r) => r.runId)).toEqual([NEW]);
  });

  it("gives the latest drift check of each dataset", async () => {
    expect((await latestDriftRuns()).map((r) => [r.dataset, r.status, r.maxPsi])).toEqual([["elearning", "fail", 0.61], ["wallet", "warn", null]]);
  });

  it("lists a check's columns drifted first, then by PSI, with their histograms", async () => {
    const cols = await driftColumns(NEW);
    expect(cols.map((c) => [c.column, c.drifted, c.psi])).toEqual([["watch_minutes_30", true, 0.61], ["logins_7", true, 0.12], ["a <b>", false, 0.01], ["plan", false, null]]);
    expect(cols[0]).toMatchObject({ kind: "numeric", test: "ks", statistic: 0.42, pValue: 0.001, threshold: 0.05, psiStatus: "fail", histogram: NUMERIC });
    expect(cols[3]!.histogram).toEqual(CATEGORICAL);
    expect(cols[2]!.histogram).toBeNull();
    expect(await driftColumns(OLD)).toEqual([]);
  });
});
