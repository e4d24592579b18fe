import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { query } from "../db/sql.ts";
import { baselineSampleRows } from "../monitoring/baseline-sample.ts";
import { getArtifactStore } from "../storage/default-artifact-store.ts";
import { exitCodeOf } from "../cli/follow-run.ts";
import { latestDriftRuns, listDriftRuns } from "../monitoring-pages/drift-runs.ts";
import { monitoredDatasets } from "../predictions/monitored-datasets.ts";
import { runInline as run } from "./testing.ts";
import { artifactsDir, resetEnvCache } from "../env.ts";
import { confirmDatasetVersion, createDatasetVersionFromUpload } from "../sources/tabular/datasets.ts";
import { startTabularLoad } from "../sources/tabular/start-tabular-load.ts";
import { churnCsv } from "../sources/tabular/testing.ts";
import { runLocally } from "./local-executor.ts";

type Baseline = { run_id: string; rows: number; source_rows: number; share: number; artifact_key: string; sha256: string };
const baselines = (dataset: string) =>
  query<Baseline>("SELECT run_id::text, rows, source_rows, share, artifact_key, sha256 FROM monitoring.psi_baselines WHERE dataset = $1 ORDER BY created_at", [dataset]);
type Col = { column: string; test: string; psi: number | null; psi_status: string | null; drifted: boolean; threshold: number };
const columnsOf = (runId: string) => query<Col>(`SELECT "column", test, psi, psi_status, drifted, threshold FROM monitoring.drift_columns WHERE run_id = $1 ORDER BY "column"`, [runId]);
type DriftRun = { check_kind: string; status: string; baseline_run_id: string; psi_threshold: number; reference_rows: number; current_rows: number; report_key: string; model: string | null };
const driftRun = async (runId: string) =>
  (await query<DriftRun>("SELECT check_kind, status, baseline_run_id::text, psi_threshold, reference_rows, current_rows, report_key, model FROM monitoring.drift_runs WHERE run_id = $1", [runId]))[0]!;
const sha256Of = async (key: string) => createHash("sha256").update(await getArtifactStore().getBuffer(key)).digest("hex");

describe("psi-check pipelines (local executor)", () => {
  it("psi-check-elearning freezes a baseline on its first run, keeps it, fails a shifted column as a data gate, and rebaselines on request", async () => {
    // No model is trained anywhere in this file: the check reads the features of the latest load (built on demand).
    const load = await run("elearning-sample", { users: 800, days: 31, seed: 11 });

    // 1. First run: the baseline is BASELINE_SHARE (0.2) of the latest day's rows, picked by the sha256 rule.
    const first = await run("psi-check-elearning", {});
    const day = await query<{ user_id: string; d: number }>(
      `SELECT user_id::text, (as_of - DATE '1970-01-01')::int AS d FROM features.elearning_user_day
        WHERE source_run_id = $1 AND as_of = (SELECT max(as_of) FROM features.elearning_user_day WHERE source_run_id = $1)`,
      [load.id],
    );
    const expected = baselineSampleRows(day.map((r) => r.user_id), day.map((r) => r.d), 0.2).length;
    const [b1, ...none] = await baselines("elearning");
    expect(none).toEqual([]);
    expect(b1!.run_id).toBe(first.id);
    expect([b1!.rows, b1!.source_rows, b1!.share]).toEqual([expected, day.length, 0.2]);
    expect(Math.abs(b1!.rows - 0.2 * day.length)).toBeLessThan(0.05 * day.length); // ≈ share × rows (binomial sd ≈ 0.014 × rows here)
    expect(b1!.artifact_key).toBe(`baselines/psi/elearning/${first.id}.json`);
    expect(await sha256Of(b1!.artifact_key)).toBe(b1!.sha256);
    const sample = JSON.parse((await getArtifactStore().getBuffer(b1!.artifact_key)).toString("utf8")) as { rows: number; entityIds: string[]; columns: { name: string; values: unknown[] }[] };
    expect(sample.entityIds).toHaveLength(expected);
    expect(sample.columns.map((c) => c.name)).toContain("watch_minutes_30");
    expect(sample.columns.map((c) => c.name)).not.toContain("days_since_signup"); // grows with the calendar
    expect(sample.columns.map((c) => c.name)).not.toContain("plan"); // categorical: no PSI on quantile bins
    const firstRun = await driftRun(first.id);
    expect(firstRun).toMatchObject({ check_kind: "psi-baseline", status: "pass", baseline_run_id: first.id, psi_threshold: 0.2, reference_rows: expected, current_rows: day.length, model: null });
    const firstCols = await columnsOf(first.id);
    expect(firstCols.length).toBe(sample.columns.length);
    // The current rows against a sample of themselves: no column fails. Columns with a verdict have a small PSI;
    // sparse ones (fewer than 100 values in the sample, e.g. quiz-score means) get "not enough data" whatever their
    // PSI (a sparse column's PSI is noise: one measured 0.204 here on unchanged data).
    expect(firstCols.filter((c) => c.test !== "psi" || c.psi_status === "fail" || c.drifted)).toEqual([]);
    expect(firstCols.filter((c) => c.psi_status === "pass" && c.psi! >= 0.1)).toEqual([]);
    const notEnough = (first.steps.find((s) => s.stepId === "compare")!.output as { notEnoughData: string[] }).notEnoughData;
    expect(firstCols.filter((c) => c.psi_status === null).map((c) => c.column).sort()).toEqual([...notEnough].sort());
    expect(firstCols.filter((c) => c.psi_status === "pass").length).toBeGreaterThan(10);
    const [{ max_psi }] = await query<{ max_psi: number }>("SELECT max_psi FROM monitoring.drift_runs WHERE run_id = $1", [first.id]);
    expect(max_psi).toBe(Math.max(...firstCols.filter((c) => c.psi_status !== null).map((c) => c.psi!))); // judged columns only
    expect(firstCols.find((c) => c.column === "watch_minutes_30")!.psi_status).toBe("pass");
    expect((first.steps.find((s) => s.stepId === "baseline")!.output as { frozen: boolean }).frozen).toBe(true);

    // 2. Second run on unchanged data: the same baseline (row and bytes), and a pass.
    const second = await run("psi-check-elearning", {});
    expect(await baselines("elearning")).toEqual([b1]);
    expect(await sha256Of(b1!.artifact_key)).toBe(b1!.sha256);
    expect(await driftRun(second.id)).toMatchObject({ status: "pass", baseline_run_id: first.id });
    expect((second.steps.find((s) => s.stepId === "baseline")!.output as { frozen: boolean }).frozen).toBe(false);

    // 3. Watch minutes × 50 in the current features (as drift-pipelines.int.test.ts injects its shift): a data gate.
    await query(
      `UPDATE features.elearning_user_day SET watch_minutes = watch_minutes * 50, watch_minutes_7 = watch_minutes_7 * 50, watch_minutes_14 = watch_minutes_14 * 50, watch_minutes_30 = watch_minutes_30 * 50
        WHERE source_run_id = $1 AND as_of = (SELECT max(as_of) FROM features.elearning_user_day WHERE source_run_id = $1)`,
      [load.id],
    );
    const shifted = await run("psi-check-elearning", {}, "failed");
    expect(shifted.failureKind).toBe("data_gate");
    expect(exitCodeOf(shifted)).toBe(2);
    expect(shifted.errorMessage).toMatch(/^PSI check FAIL on elearning: PSI ≥ 0\.2 against the frozen baseline on .*watch_minutes_30 \d+\.\d{3}.*rebaseline=true/);
    const watch = (await columnsOf(shifted.id)).find((c) => c.column === "watch_minutes_30")!;
    expect(watch.psi!).toBeGreaterThanOrEqual(0.2);
    expect([watch.psi_status, watch.drifted]).toEqual(["fail", true]);
    const failedRun = await driftRun(shifted.id);
    expect(failedRun.status).toBe("fail");
    expect(failedRun.report_key).toMatch(new RegExp(`^reports/psi/elearning/\\d{4}-\\d{2}-\\d{2}/${shifted.id}\\.html$`));
    const html = (await getArtifactStore().getBuffer(failedRun.report_key)).toString("utf8");
    expect(html).toContain("PSI check: elearning");
    expect(html).toContain("watch_minutes_30");
    expect(html).toContain("PSI check failed");
    expect(await baselines("elearning")).toEqual([b1]); // a failing run never touches the baseline
    // No drift.detected: its one consumer retrains, which is the wrong answer to bad data.
    expect(await query("SELECT 1 FROM ops.outbox_events WHERE run_id = $1", [shifted.id])).toEqual([]);

    // 4. rebaseline=true (as the CLI passes it, a string) freezes the shifted day as the new baseline, and passes.
    const rebased = await run("psi-check-elearning", { rebaseline: "true" });
    const all = await baselines("elearning");
    expect(all.map((b) => b.run_id)).toEqual([first.id, rebased.id]);
    expect(all[0]).toEqual(b1);
    expect(all[1]!.rows).toBe(expected); // same users, same day: the same rows are sampled
    expect(all[1]!.sha256).not.toBe(b1!.sha256); // … with the shifted values
    expect(await driftRun(rebased.id)).toMatchObject({ status: "pass", baseline_run_id: rebased.id });
    const after = await run("psi-check-elearning", {});
    expect(await driftRun(after.id)).toMatchObject({ status: "pass", baseline_run_id: rebased.id });

    // 5. What /monitoring reads: PSI checks apart from model-drift checks. Files share one database, and another
    // file's drift-* runs may be there already: only this file's five runs are asserted by id.
    const latestPsi = (await latestDriftRuns("psi-baseline")).find((r) => r.dataset === "elearning")!;
    expect(latestPsi).toMatchObject({ runId: after.id, status: "pass", psiThreshold: 0.2, baselineRunId: rebased.id });
    expect(latestPsi.reportKey).toMatch(/^reports\/psi\/elearning\//);
    const mine = [after.id, rebased.id, shifted.id, second.id, first.id]; // newest first
    expect((await listDriftRuns("elearning", 500)).filter((r) => mine.includes(r.runId))).toEqual([]);
    expect((await listDriftRuns("elearning", 500, "psi-baseline")).map((r) => r.runId).filter((id) => mine.includes(id))).toEqual(mine);
    const [counts] = await query<{ drift: number; psi: number }>(
      `SELECT count(*) FILTER (WHERE check_kind = 'model-drift')::int AS drift, count(*) FILTER (WHERE check_kind = 'psi-baseline')::int AS psi
         FROM monitoring.drift_runs WHERE dataset = 'elearning'`,
    );
    expect(counts!.psi).toBeGreaterThanOrEqual(5);
    expect((await monitoredDatasets()).find((d) => d.dataset === "elearning")).toMatchObject({ driftRuns: counts!.drift, psiRuns: counts!.psi });
  });

  it("psi-check-table samples an uploaded table by id with BASELINE_SHARE, and psi-check-wallet runs on a load with no model", async () => {
    process.env.BASELINE_SHARE = "0.5";
    resetEnvCache();
    try {
      const { version } = await createDatasetVersionFromUpload(churnCsv(1000), { name: "Telco psi", fileName: "telco-psi.csv" });
      await confirmDatasetVersion(version.id, { idColumn: "customerID", targetColumn: "Churn" });
      const { runId: loadRun } = await startTabularLoad(version.id, "cli", "inline");
      expect(await runLocally(loadRun)).toMatchObject({ status: "succeeded" });
      const first = await run("psi-check-table", { dataset: "telco_psi" });
      const [b] = await baselines("table:telco_psi");
      // Tables have no as-of: the rule hashes the id alone. churnCsv ids are C10001 … C11000.
      const ids = Array.from({ length: 1000 }, (_, i) => `C${10001 + i}`);
      expect([b!.run_id, b!.rows, b!.source_rows, b!.share]).toEqual([first.id, baselineSampleRows(ids, undefined, 0.5).length, 1000, 0.5]);
      expect(b!.artifact_key).toBe(`baselines/psi/table-telco_psi/${first.id}.json`);
      const cols = await columnsOf(first.id);
      // Numbers, 0/1 flags and date ages; never the id, the target or a category.
      const names = cols.map((c) => c.column);
      expect(names).toEqual(expect.arrayContaining(["tenure", "monthlycharges", "signupdate"]));
      for (const n of ["customerid", "churn", "gender", "contract", "city"]) expect(names).not.toContain(n);
      expect(cols.every((c) => c.psi_status === "pass")).toBe(true);
      const r = await driftRun(first.id);
      expect(r).toMatchObject({ check_kind: "psi-baseline", status: "pass", current_rows: 1000 });
      expect(r.report_key).toMatch(/^reports\/psi\/table-telco_psi\//);

      // A baseline file changed behind the store's back (tests use the local folder store) stops the check: every
      // read re-hashes the bytes against the sha256 recorded when it was frozen.
      const file = path.join(artifactsDir(), b!.artifact_key);
      const bytes = fs.readFileSync(file, "utf8");
      fs.writeFileSync(file, bytes.replace(/"rows":(\d+)/, (_, n: string) => `"rows":${Number(n) + 1}`));
      const tampered = await run("psi-check-table", { dataset: "telco_psi" }, "failed");
      expect(tampered.failureKind).toBe("error");
      expect(tampered.errorMessage).toMatch(/PSI baseline baselines\/psi\/table-telco_psi\/.*changed after it was frozen.*rebaseline=true/);
      fs.writeFileSync(file, bytes);
    } finally {
      delete process.env.BASELINE_SHARE;
      resetEnvCache();
    }

    const wallet = await run("wallet-sample", { buyers: 600, seed: 9 });
    const checked = await run("psi-check-wallet", {});
    const [wb] = await baselines("wallet");
    const [{ n }] = await query<{ n: number }>(
      "SELECT count(*)::int AS n FROM features.churn_weekly_features WHERE source_run_id = $1 AND as_of = (SELECT max(as_of) FROM features.churn_weekly_features WHERE source_run_id = $1)",
      [wallet.id],
    );
    expect([wb!.run_id, wb!.source_rows]).toEqual([checked.id, n]);
    expect(await driftRun(checked.id)).toMatchObject({ check_kind: "psi-baseline", status: "pass", current_rows: n, reference_rows: wb!.rows });
  });
});
