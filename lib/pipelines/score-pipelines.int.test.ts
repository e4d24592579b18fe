import { describe, expect, it } from "vitest";
import { query } from "../db/sql.ts";
import { scoringModel } from "../scoring/champion-version.ts";
import { scorePredictions } from "../scoring/score-predictions.ts";
import type { ScoringFrame } from "../scoring/scoring-frame.ts";
import { getArtifactStore } from "../storage/default-artifact-store.ts";
import { readTrainingModelJson, trainingModelKey } from "./train/training-models.ts";
import { runLocally } from "./local-executor.ts";
import { getRunDetail, type RunDetail } from "./run-queries.ts";
import { startRun } from "./start-run.ts";
import { runInline } from "./testing.ts";
import { forgetModel } from "../registry/testing.ts";
import { randomUUID } from "node:crypto";
import { averagePrecision } from "../ml/metrics/average-precision.ts";
import { rocAuc } from "../ml/metrics/roc-auc.ts";
import { putArtifact } from "../storage/artifact-records.ts";
import { confirmDatasetVersion, createDatasetVersionFromUpload } from "../sources/tabular/datasets.ts";
import { startTabularLoad } from "../sources/tabular/start-tabular-load.ts";
import { CHURN_HEADER, churnCsv, churnRow } from "../sources/tabular/testing.ts";

const run = runInline;

type Pred = { rank: number; entity_id: string; as_of: string | null; probability: number; risk_band: string; reasons: { feature: string; contribution: number }[] | null };
const predictions = (runId: string) =>
  query<Pred>("SELECT rank, entity_id, to_char(as_of, 'YYYY-MM-DD') AS as_of, probability, risk_band, reasons FROM ops.predictions WHERE run_id = $1 ORDER BY rank", [runId]);

describe("scoring pipelines (local executor)", () => {
  it("score-elearning ranks every user of the latest day, explains the top K, summarises and exports; SQL and Node scoring agree", async () => {
    await forgetModel("elearning-churn"); // other files train it too
    const load = await run("elearning-sample", { users: 120, days: 90, seed: 21 });
    await run("train-elearning", { sourceRunId: load.id });
    const scored = await run("score-elearning", { sourceRunId: load.id, topK: 10 });
    expect(scored.steps.map((s) => [s.stepId, s.status])).toEqual([["scoring-target", "succeeded"], ["score", "succeeded"], ["explain-top", "succeeded"], ["summarise", "succeeded"], ["realised-performance", "succeeded"]]);
    const target = scored.steps[0]!.output as { rows: number; frame: ScoringFrame };
    // The latest day of the features has one row per user with activity (the current state).
    const [{ users }] = await query<{ users: number }>("SELECT count(DISTINCT user_id)::int AS users FROM features.elearning_user_day WHERE source_run_id = $1", [load.id]);
    expect(target.rows).toBe(users);
    const rows = await predictions(scored.id);
    expect(rows).toHaveLength(users);
    expect(rows.map((r) => r.rank)).toEqual(rows.map((_, i) => i + 1));
    expect(new Set(rows.map((r) => r.as_of))).toEqual(new Set([target.frame.asOf]));
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.probability).toBeLessThanOrEqual(rows[i - 1]!.probability);
    for (const r of rows) expect(r.risk_band).toBe(r.probability >= 0.7 ? "high" : r.probability >= 0.35 ? "medium" : "low");
    // Top 10 have three reasons each, largest first; the rest have none.
    expect(rows.slice(0, 10).every((r) => r.reasons?.length === 3)).toBe(true);
    expect(rows.slice(10).every((r) => r.reasons === null)).toBe(true);
    const top = rows[0]!.reasons!;
    expect(Math.abs(top[0]!.contribution)).toBeGreaterThanOrEqual(Math.abs(top[2]!.contribution));

    // Score proxy equals the numbers recomputed here from the stored probabilities (linear interpolation quantiles).
    const [summary] = await query<{ rows: number; mean: number; p50: number; p90: number; high_risk_rate: number; csv_key: string }>(
      "SELECT rows, mean, p50, p90, high_risk_rate, csv_key FROM monitoring.scoring_runs WHERE run_id = $1", [scored.id]);
    const sorted = rows.map((r) => r.probability).sort((a, b) => a - b);
    const q = (f: number) => { const h = (sorted.length - 1) * f; const lo = Math.floor(h); return sorted[lo]! + (h - lo) * ((sorted[lo + 1] ?? sorted[lo]!) - sorted[lo]!); };
    expect(summary!.rows).toBe(users);
    expect(summary!.mean).toBeCloseTo(sorted.reduce((a, b) => a + b, 0) / sorted.length, 12);
    expect(summary!.p50).toBeCloseTo(q(0.5), 12);
    expect(summary!.p90).toBeCloseTo(q(0.9), 12);
    expect(summary!.high_risk_rate).toBeCloseTo(sorted.filter((p) => p >= 0.7).length / sorted.length, 12);
    // Expected performance before labels (CBPE on calibrated probabilities), with a band around each estimate.
    const [{ estimate }] = await query<{ estimate: { rows: number; calibration: string; rocAuc: { estimate: number; lower: number; upper: number }; precisionAtK: { k: number; estimate: number; lower: number; upper: number } } }>(
      "SELECT estimate FROM monitoring.scoring_runs WHERE run_id = $1", [scored.id]);
    expect(estimate.rows).toBe(users);
    expect(["platt", "isotonic"]).toContain(estimate.calibration);
    expect(estimate.precisionAtK.k).toBe(10);
    for (const e of [estimate.rocAuc, estimate.precisionAtK]) {
      expect(e.lower).toBeLessThanOrEqual(e.estimate);
      expect(e.estimate).toBeLessThanOrEqual(e.upper);
    }
    const csv = (await getArtifactStore().getBuffer(summary!.csv_key)).toString("utf8").trimEnd().split("\r\n");
    expect(csv[0]).toBe("rank,entity_id,as_of,probability,risk_band,model,version");
    expect(csv).toHaveLength(users + 1);
    expect(csv[1]!.split(",").slice(0, 2)).toEqual(["1", rows[0]!.entity_id]);

    // The training run's linear candidate, scored in Postgres (SQL expression) and in Node: same ranks, probabilities to 1e-9.
    const m = await scoringModel("elearning-churn");
    const train = (await query<{ run_id: string }>("SELECT run_id::text FROM ops.model_versions v JOIN ops.registered_models r ON r.id = v.model_id WHERE r.name = 'elearning-churn' AND v.version = 1"))[0]!.run_id;
    for (const role of ["candidate", "baseline"]) {
      const classifier = await readTrainingModelJson(trainingModelKey(train, "elearning-churn", role));
      const linear = { ...m, family: classifier.family, artifact: { ...m.artifact, classifier } };
      const [a, b] = [randomUUID(), randomUUID()];
      const all: ScoringFrame = { ...target.frame, asOf: "all" }; // every user-day: per-row as-of dates
      const inSql = await scorePredictions(a, linear, all, { highRiskThreshold: 0.7, scoreIn: "postgres" });
      const inNode = await scorePredictions(b, linear, all, { highRiskThreshold: 0.7, scoreIn: "node" });
      expect(inSql.rows).toBe(inNode.rows);
      expect(inSql.rows).toBeGreaterThan(users * 30);
      const [pa, pb] = [await predictions(a), await predictions(b)];
      let worst = 0;
      for (let i = 0; i < pa.length; i++) {
        expect([pa[i]!.entity_id, pa[i]!.as_of, pa[i]!.risk_band]).toEqual([pb[i]!.entity_id, pb[i]!.as_of, pb[i]!.risk_band]);
        worst = Math.max(worst, Math.abs(pa[i]!.probability - pb[i]!.probability));
      }
      expect(worst).toBeLessThan(1e-9);
      await query("DELETE FROM ops.predictions WHERE run_id IN ($1, $2)", [a, b]);
    }

    // The latest day has no outcome yet; a day 40 days back has one: its realised metrics equal lib/ml's on the
    // predictions joined to the labels here, overall and per plan.
    expect((scored.steps.at(-1)!.output as { labelled: number }).labelled).toBe(0);
    const [{ day }] = await query<{ day: string }>("SELECT to_char(max(as_of) - 40, 'YYYY-MM-DD') AS day FROM features.elearning_user_day WHERE source_run_id = $1", [load.id]);
    const past = await run("score-elearning", { sourceRunId: load.id, asOf: day, topK: 10 });
    const realised = past.steps.at(-1)!.output as { labelled: number; prAuc: number; rocAuc: number };
    const joined = await query<{ p: number; y: number; plan: string | null }>(
      `SELECT p.probability AS p, f.churn::int AS y, f.plan FROM ops.predictions p
         JOIN features.elearning_user_day f ON f.source_run_id = $2 AND f.user_id::text = p.entity_id AND f.as_of = p.as_of
        WHERE p.run_id = $1 AND f.churn IS NOT NULL ORDER BY p.rank`, [past.id, load.id]);
    expect(realised.labelled).toBe(joined.length);
    expect(joined.length).toBeGreaterThan(30);
    expect(realised.prAuc).toBeCloseTo(averagePrecision(joined.map((j) => j.y), joined.map((j) => j.p)), 12);
    expect(realised.rocAuc).toBeCloseTo(rocAuc(joined.map((j) => j.y), joined.map((j) => j.p)), 12);
    const segs = await query<{ segment_column: string; segment_value: string; rows: number }>(
      "SELECT segment_column, segment_value, rows FROM monitoring.segment_metrics WHERE run_id = $1 ORDER BY segment_column, segment_value", [past.id]);
    const plans = segs.filter((r) => r.segment_column === "plan");
    expect(plans.reduce((a, r) => a + r.rows, 0)).toBe(joined.length);
    expect(plans.map((r) => r.segment_value).sort()).toEqual([...new Set(joined.map((j) => j.plan ?? "(missing)"))].sort());

    // A retried scoring run replaces its rows: running the same steps again leaves exactly one set.
    const again = await run("score-elearning", { sourceRunId: load.id, topK: 10 });
    expect((await predictions(again.id)).map((r) => [r.entity_id, r.probability])).toEqual(rows.map((r) => [r.entity_id, r.probability]));
  });

  it("score-wallet scores the latest weekly snapshot, and scoring without a champion says what to do", async () => {
    await forgetModel("wallet-churn");
    const load = await run("wallet-sample", { buyers: 400, seed: 5 });
    const { runId } = await startRun("score-wallet", { sourceRunId: load.id }, "cli", "inline");
    await runLocally(runId);
    const failed = (await getRunDetail(runId))!;
    expect(failed.status).toBe("failed");
    expect(failed.errorMessage).toMatch(/wallet-churn has no champion yet.*run its training pipeline/);

    await run("train-wallet", { sourceRunId: load.id });
    const scored = await run("score-wallet", { sourceRunId: load.id });
    const target = scored.steps[0]!.output as { rows: number; frame: ScoringFrame };
    const [{ latest, n }] = await query<{ latest: string; n: number }>(
      `SELECT to_char(max(as_of), 'YYYY-MM-DD') AS latest, count(*) FILTER (WHERE as_of = (SELECT max(as_of) FROM features.churn_weekly_features WHERE source_run_id = $1))::int AS n
         FROM features.churn_weekly_features WHERE source_run_id = $1`, [load.id]);
    expect(target.frame.asOf).toBe(latest);
    expect(target.rows).toBe(n);
    expect((await predictions(scored.id)).length).toBe(n);
    // EVALUATE labels exist at once: the scored snapshot's realised performance is computed in the same run.
    expect((scored.steps.at(-1)!.output as { labelled: number }).labelled).toBe(n);
  });

  it("score-table scores a loaded table (SQL = Node with categories and dates) and a new CSV of its shape, refusing bad values with line and column", async () => {
    await forgetModel("table-telco_score");
    const { version } = await createDatasetVersionFromUpload(churnCsv(300), { name: "Telco score", fileName: "telco-score.csv" });
    await confirmDatasetVersion(version.id, { idColumn: "customerID", targetColumn: "Churn" });
    const { runId: loadRun } = await startTabularLoad(version.id, "cli", "inline");
    expect(await runLocally(loadRun)).toMatchObject({ status: "succeeded" });
    const trained = await run("train-table", { dataset: "telco_score" });
    const scored = await run("score-table", { dataset: "telco_score" });
    const target = scored.steps[0]!.output as { rows: number; frame: ScoringFrame };
    expect(target.rows).toBe(300);
    expect((await predictions(scored.id)).length).toBe(300);

    const m = await scoringModel("table-telco_score");
    const classifier = await readTrainingModelJson(trainingModelKey(trained.id, "table-telco_score", "candidate"));
    const linear = { ...m, family: classifier.family, artifact: { ...m.artifact, classifier } };
    const [a, b] = [randomUUID(), randomUUID()];
    await scorePredictions(a, linear, target.frame, { highRiskThreshold: 0.7, scoreIn: "postgres" });
    await scorePredictions(b, linear, target.frame, { highRiskThreshold: 0.7, scoreIn: "node" });
    const [pa, pb] = [await predictions(a), await predictions(b)];
    expect(pa.map((r) => r.entity_id)).toEqual(pb.map((r) => r.entity_id));
    expect(Math.max(...pa.map((r, i) => Math.abs(r.probability - pb[i]!.probability)))).toBeLessThan(1e-9);

    // A new file: no target column, another column order, a formula-looking id; scored by the same champion.
    const header = CHURN_HEADER.filter((h) => h !== "Churn").reverse();
    const line = (i: number, o: Partial<Record<string, string>> = {}) => { const r = churnRow(i, o); return header.map((h) => r[CHURN_HEADER.indexOf(h)]).join(","); };
    const good = [header.join(","), line(1001), line(1002, { customerID: "=cmd()" }), line(1003, { tenure: "" })].join("\n") + "\n";
    const goodKey = `datasets/scoring/uploads/${randomUUID()}/new.csv`;
    await putArtifact(goodKey, good, { kind: "upload", contentType: "text/csv" });
    const fileRun = await run("score-table", { dataset: "telco_score", fileKey: goodKey });
    const fileRows = await predictions(fileRun.id);
    expect(fileRows.map((r) => r.entity_id).sort()).toEqual(["=cmd()", "C11001", "C11003"].sort());
    const csvKey = (fileRun.steps.find((s) => s.stepId === "summarise")!.output as { csvKey: string }).csvKey;
    expect((await getArtifactStore().getBuffer(csvKey)).toString("utf8")).toContain(",'=cmd(),");

    const bad = [header.join(","), line(2001), line(2002, { tenure: "twelve" }), line(2003, { SignupDate: "31/02/2023" })].join("\n") + "\n";
    const badKey = `datasets/scoring/uploads/${randomUUID()}/bad.csv`;
    await putArtifact(badKey, bad, { kind: "upload", contentType: "text/csv" });
    const { runId } = await startRun("score-table", { dataset: "telco_score", fileKey: badKey }, "cli", "inline");
    await runLocally(runId);
    const failed = (await getRunDetail(runId))!;
    expect(failed.status).toBe("failed");
    expect(failed.errorMessage).toContain('bad.csv: 2 value(s) do not match');
    expect(failed.errorMessage).toContain('line 3, column "tenure": "twelve" is not a valid numeric');
    expect(failed.errorMessage).toContain('line 4, column "SignupDate": "31/02/2023" is not a valid date');
    expect(await predictions(runId)).toEqual([]);
  });
});
