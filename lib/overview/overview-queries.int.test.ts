import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getPool } from "../db/client.ts";
import { dataFreshness } from "./data-freshness.ts";
import { loadedChurnRates } from "./loaded-churn-rates.ts";
import { datasetVersionChoices, storedCsvChoices } from "./param-choices.ts";
import { recentFailures } from "./recent-failures.ts";
import { rejectedRowsTrend } from "./rejected-rows-trend.ts";
import { getRunView } from "./run-view.ts";
import { activeRunForKey, anyRunActive, blockingRunOf, runActivity } from "./run-wait.ts";
import { setupChecklist } from "./setup-checklist.ts";
import { saveModelVersion } from "../registry/save-model-version.ts";
import { outboxEmit, settleOutbox, trainingRun, versionInput } from "../registry/testing.ts";

// A hand-written history in a fresh state: every number asserted below is counted from these rows.
const NOW = new Date("2026-12-02T12:00:00Z");
const h = (hoursAgo: number) => new Date(NOW.getTime() - hoursAgo * 3600_000);
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;

const OK_LOAD = id(1); // e-learning sample, succeeded 3 h ago: 300 users, 1,000 events, 4 rejected
const GATE_FAIL = id(2); // e-learning ingest, data gate failed 2 h ago: 0 rows rejected (too few rows)
const OLD_FAIL = id(3); // failed 8 days ago: outside the 7-day window
const RUNNING = id(4); // wallet sample, running
const QUEUED = id(5); // wallet ingest, queued behind RUNNING (same key)
const TABULAR = id(6); // tabular-load, succeeded 10 days ago: stale
const DATASET = id(20);
const VERSION = id(21);
const DQ = [id(10), id(11), id(12)];

const TABLES = "ops.pipeline_runs, ops.ingested_files, dqm.dq_runs, dqm.rejects, ops.dataset_versions, ops.datasets, ops.artifacts, staging.wallet_buyers, monitoring.scoring_runs";

describe("Overview queries", () => {
  beforeAll(async () => {
    const { pool } = await getPool();
    await pool.query(`TRUNCATE ${TABLES} CASCADE`);
    const run = (rid: string, pipeline: string, status: string, key: string, created: Date, finished: Date | null, failureKind: string | null, params = "{}") =>
      pool.query(
        `INSERT INTO ops.pipeline_runs (id, pipeline_id, params, trigger, executor, status, concurrency_key, created_at, started_at, finished_at, failure_kind, error_message)
         VALUES ($1, $2, $3::jsonb, 'manual', 'local', $4::ops."RunStatus", $5, $6, $6, $7, $8, $9)`,
        [rid, pipeline, params, status, key, created, finished, failureKind, failureKind ? "Data gate failed: x. To fix: y" : null],
      );
    await run(OK_LOAD, "elearning-sample", "succeeded", "raw.elearning", h(3.1), h(3), null);
    await run(GATE_FAIL, "elearning-ingest", "failed", "raw.elearning", h(2.1), h(2), "data_gate");
    await run(OLD_FAIL, "wallet-ingest", "failed", "raw.wallet", h(8 * 24), h(8 * 24), "error");
    await run(RUNNING, "wallet-sample", "running", "raw.wallet", h(0.2), null, null);
    await run(QUEUED, "wallet-ingest", "queued", "raw.wallet", h(0.1), null, null);
    await run(TABULAR, "tabular-load", "succeeded", `tabular-load:${VERSION}`, h(240), h(240), null, JSON.stringify({ versionId: VERSION }));
    const file = (n: number, rid: string, table: string, rows: number) =>
      pool.query(`INSERT INTO ops.ingested_files (id, run_id, source, name, table_name, sha256, bytes, rows, duration_ms) VALUES ($1, $2, 'elearning', 'f.csv', $3, 'x', 1, $4, 1)`, [id(n), rid, table, rows]);
    await file(30, OK_LOAD, "raw.elearning_users", 300);
    await file(31, OK_LOAD, "raw.elearning_events", 1000);
    const dq = (dqId: string, rid: string, suite: string, status: string, rows: number, rejected: number, at: Date) =>
      pool.query(
        `INSERT INTO dqm.dq_runs (id, run_id, source, suite, table_name, status, success, row_count, rejected_rows, duration_ms, result, evaluated_at)
         VALUES ($1, $2, 'elearning', $3, 't', $4, $4 <> 'failed', $5, $6, 1, '{}', $7)`,
        [dqId, rid, suite, status, rows, rejected, at],
      );
    await dq(DQ[0], OK_LOAD, "elearning.users", "passed", 300, 0, h(3.05));
    await dq(DQ[1], OK_LOAD, "elearning.events", "warned", 1000, 4, h(3.04));
    await dq(DQ[2], GATE_FAIL, "elearning.users", "failed", 0, 0, h(2.05));
    for (let line = 2; line < 6; line++) {
      await pool.query(
        `INSERT INTO dqm.rejects (dq_run_id, run_id, source, suite, expectation_id, reason_code, source_line, row_data) VALUES ($1, $2, 'elearning', 'elearning.events', 'e', 'R', $3, '{}')`,
        [DQ[1], OK_LOAD, line],
      );
    }
    await pool.query(`INSERT INTO ops.datasets (id, slug, name, id_column, target_column) VALUES ($1, 'ovtest', 'Overview test', 'customer', 'churned')`, [DATASET]);
    const columns = [{ name: "Churned", column: "churned", role: "target", type: "categorical" }, { name: "customer", column: "customer", role: "id", type: "text" }];
    await pool.query(
      `INSERT INTO ops.dataset_versions (id, dataset_id, version, artifact_key, sha256, bytes, rows, columns, status, run_id) VALUES ($1, $2, 1, 'datasets/ovtest/v1/x.csv', 'x', 1, 5, $3::jsonb, 'loaded', $4)`,
      [VERSION, DATASET, JSON.stringify(columns), TABULAR],
    );
    await pool.query(`DROP TABLE IF EXISTS staging.tabular_ovtest_v1`);
    await pool.query(`CREATE TABLE staging.tabular_ovtest_v1 (customer text NOT NULL, churned smallint NOT NULL)`);
    await pool.query(`INSERT INTO staging.tabular_ovtest_v1 VALUES ('a', 1), ('b', 0), ('c', 1), ('d', 0), ('e', 0)`);
    await pool.query(
      `INSERT INTO staging.wallet_buyers (buyer_id, churn, in_active_user, in_demograficos, in_dinero_cuenta, in_marketplace_data, in_payments)
       SELECT g, CASE WHEN g <= 3 THEN 1 ELSE 0 END, true, true, true, true, false FROM generate_series(1, 4) g`,
    );
    await pool.query(
      `INSERT INTO ops.artifacts (key, kind, content_type, bytes, sha256, created_at) VALUES
         ('uploads/a/users.csv', 'upload', 'text/csv', 1, 'x', $1), ('models/m.json', 'model', 'application/json', 1, 'x', $1)`,
      [h(1)],
    );
  });

  afterAll(async () => {
    const { pool } = await getPool();
    await pool.query(`TRUNCATE ${TABLES} CASCADE`);
    await pool.query(`DROP TABLE IF EXISTS staging.tabular_ovtest_v1`);
  });

  it("reports freshness per source: a failed newest load, a load in progress, a stale dataset", async () => {
    const [elearning, wallet, dataset] = await dataFreshness(NOW);
    expect(elearning).toMatchObject({
      key: "elearning", status: "failed", loadRunId: OK_LOAD, latestRunId: GATE_FAIL, rows: 1300, rejectedRows: 4, href: `/runs/${GATE_FAIL}`,
      tables: [{ table: "raw.elearning_events", rows: 1000 }, { table: "raw.elearning_users", rows: 300 }],
    });
    expect(elearning.loadedAt).toBe(h(3).toISOString());
    expect(wallet).toMatchObject({ key: "wallet", status: "loading", loadRunId: null, latestRunId: QUEUED, rows: 0 });
    expect(dataset).toMatchObject({ key: "dataset:ovtest", status: "stale", rows: 5, loadRunId: TABULAR, latestRunId: TABULAR, tables: [{ table: "raw.tabular_ovtest_v1", rows: 5 }] });
  });

  it("counts failures of the last seven days only, gate failures apart", async () => {
    const f = await recentFailures(NOW);
    expect(f).toMatchObject({ failedRuns: 1, gateFailures: 1, failedValidations: 1 });
    expect(f.runs.map((r) => r.id)).toEqual([GATE_FAIL]);
  });

  it("sums rejected rows per validated run, oldest first", async () => {
    const trend = await rejectedRowsTrend(NOW);
    expect(trend.map((p) => [p.runId, p.rows, p.rejectedRows])).toEqual([[OK_LOAD, 1300, 4], [GATE_FAIL, 0, 0]]);
    expect(trend[0].at).toBe(h(3.05).toISOString());
  });

  it("computes the wallet label share and the dataset's target share", async () => {
    const rates = await loadedChurnRates();
    expect(rates.map((r) => [r.key, r.labelled, r.churned, r.rate])).toEqual([["wallet", 4, 3, 0.75], ["dataset:ovtest", 5, 2, 0.4]]);
  });

  it("ticks load and validate from the database, train once a model version is registered, and leaves score open", async () => {
    const done = async () => (await setupChecklist()).map((i) => [i.id, i.done]);
    expect((await done()).slice(0, 2)).toEqual([["load", true], ["validate", true]]);
    // Other files may have registered models in this shared database; registering one here makes "train" true either way.
    const run = await trainingRun();
    await saveModelVersion(versionInput("overview-checklist", run), { emit: outboxEmit(run) });
    await settleOutbox();
    expect(await done()).toEqual([["load", true], ["validate", true], ["train", true], ["score", false]]);
  });

  it("names the run a queued run waits behind, and what a new run of a key would wait for", async () => {
    expect(await blockingRunOf(QUEUED)).toMatchObject({ id: RUNNING, status: "running", pipelineId: "wallet-sample" });
    expect(await blockingRunOf(RUNNING)).toBeNull();
    expect(await activeRunForKey("raw.wallet")).toMatchObject({ id: RUNNING });
    expect(await activeRunForKey("raw.elearning")).toBeNull();
    expect(await anyRunActive()).toBe(true);
  });

  it("gives the idle lists a signature that changes when a run finishes", async () => {
    const { pool } = await getPool();
    const before = await runActivity();
    await pool.query(`UPDATE ops.pipeline_runs SET status = 'succeeded', finished_at = $2 WHERE id = $1`, [RUNNING, NOW]);
    await pool.query(`UPDATE ops.pipeline_runs SET status = 'cancelled', finished_at = $2 WHERE id = $1`, [QUEUED, NOW]);
    const after = await runActivity();
    expect(before.active).toBe(true);
    expect(after.active).toBe(false);
    expect(after.signature).not.toBe(before.signature);
    expect(await runActivity()).toEqual(after); // nothing changed: same signature, no refresh
    await pool.query(`UPDATE ops.pipeline_runs SET status = 'running', finished_at = NULL WHERE id = $1`, [RUNNING]);
    await pool.query(`UPDATE ops.pipeline_runs SET status = 'queued', finished_at = NULL WHERE id = $1`, [QUEUED]);
  });

  it("builds the run view with its validations, rejected rows and (only when asked) the stack", async () => {
    const view = await getRunView(OK_LOAD, { withStack: false });
    expect(view).toMatchObject({ rejectedRows: 4, blockingRun: null, errorStack: null });
    expect(view!.validations.map((v) => [v.suite, v.status, v.rejectedRows])).toEqual([["elearning.users", "passed", 0], ["elearning.events", "warned", 4]]);
    expect((await getRunView(QUEUED, { withStack: true }))!.blockingRun?.id).toBe(RUNNING);
  });

  it("offers stored CSVs and loadable dataset versions to the pickers", async () => {
    expect(await storedCsvChoices()).toEqual([{ value: "uploads/a/users.csv", label: `uploads/a/users.csv (${h(1).toISOString().slice(0, 16).replace("T", " ")} UTC)` }]);
    expect(await datasetVersionChoices()).toEqual([{ value: VERSION, label: "Overview test version 1 (loaded)" }]);
  });
});
