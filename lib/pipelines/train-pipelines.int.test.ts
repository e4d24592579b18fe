import { describe, expect, it } from "vitest";
import { query } from "../db/sql.ts";
import { calibratedProbability, getModel, getModelVersion, readModelArtifact, rollbackModel } from "../registry/index.ts";
import { confirmDatasetVersion, createDatasetVersionFromUpload } from "../sources/tabular/datasets.ts";
import { startTabularLoad } from "../sources/tabular/start-tabular-load.ts";
import { churnCsv } from "../sources/tabular/testing.ts";
import { runLocally } from "./local-executor.ts";
import { getRunDetail, type RunDetail } from "./run-queries.ts";
import { startRun } from "./start-run.ts";
import { runInline } from "./testing.ts";
import { forgetModel } from "../registry/testing.ts";

const run = runInline;

type Decision = {
  model: string; version: number; promoted: boolean; champion: number | null; previousChampion: number | null;
  decision: { action: string; candidate: number; champion: number | null; delta: number | null; reason: string };
  models: { role: string; family: string; test: Record<string, number> }[];
};
const resultOf = (r: RunDetail) => r.steps.at(-1)!.output as unknown as Decision;

const TRAINING_STEPS = ["build-features", "build-labels", "training-set", "fit-baseline", "search-candidate", "search-gbdt", "evaluate", "register", "promotion-decision"];

// Every test loads its own data and names the load run it trains on, so tests pass alone and in any order.
describe("training pipelines (local executor)", () => {
  it("train-elearning turns a load's snapshot into a registered, explained, promoted model, and a retrain on the same snapshot is identical", async () => {
    await forgetModel("elearning-churn"); // scoring and drift tests train it too
    const load = await run("elearning-sample", { users: 100, days: 90, seed: 11 });
    const first = await run("train-elearning", { sourceRunId: load.id });
    expect(first.steps.map((s) => [s.stepId, s.status])).toEqual(TRAINING_STEPS.map((id) => [id, "succeeded"]));
    const r1 = resultOf(first);
    expect(r1.promoted).toBe(true);
    expect(r1.decision.action).toBe("auto-promote");
    // Both models are scored on the test rows; the metrics are real numbers in range, not placeholders.
    expect(r1.models.map((m) => [m.role, m.family])).toEqual([["baseline", "baseline-logistic"], ["candidate", "logistic-regression"], ["gbdt", "gradient-boosting"]]);
    for (const m of r1.models) {
      expect(m.test.roc_auc).toBeGreaterThan(0.5);
      expect(m.test.roc_auc).toBeLessThanOrEqual(1);
      expect(m.test.pr_auc).toBeGreaterThan(0);
      expect(m.test.log_loss).toBeGreaterThan(0);
    }
    // The registered version is the family with the best validation score (never chosen on test).
    const ev = first.steps.find((s) => s.stepId === "evaluate")!.output as { chosen: string; models: { role: string; family: string; validation: { value: number } }[] };
    const bestOnValidation = [...ev.models].sort((a, b) => b.validation.value - a.validation.value)[0]!;
    expect(ev.chosen).toBe(bestOnValidation.role);
    expect((first.steps.find((s) => s.stepId === "register")!.output as { family: string }).family).toBe(bestOnValidation.family);
    const split = first.steps.find((s) => s.stepId === "training-set")!.output as { split: string; train: { rows: number }; test: { rows: number } };
    expect(split.split).toBe("time");

    // The registered artifact scores like the pipeline said: re-evaluating it on the test report's own counts.
    const model = (await getModel("elearning-churn"))!;
    expect(model.versions.map((v) => v.version)).toEqual([1]);
    const v1 = await readModelArtifact((await getModelVersion("elearning-churn", 1))!.artifactKey);
    expect(v1.lineage.snapshots.map((s) => s.runId)).toEqual([load.id, load.id]);
    // The version carries a calibrator fitted on the validation slice (the method follows its size) and says so.
    const validationRows = (first.steps.find((s) => s.stepId === "training-set")!.output as { validation: { rows: number } }).validation.rows;
    const registered = first.steps.find((s) => s.stepId === "register")!.output as { calibration: string | null };
    expect(v1.calibration?.method).toBe(registered.calibration);
    expect(["platt", "isotonic"]).toContain(registered.calibration);
    if (validationRows < 1000) expect(registered.calibration).toBe("platt");
    expect(v1.params.calibration).toMatchObject({ method: registered.calibration, validationRows });
    const calibrated = calibratedProbability(v1, Float64Array.of(-4, 0, 4));
    expect(calibrated[0]! <= calibrated[1]! && calibrated[1]! <= calibrated[2]! && calibrated[2]! <= 1 && calibrated[0]! >= 0).toBe(true);
    const trials = await query<{ family: string; n: number }>("SELECT family, count(*)::int AS n FROM ops.search_trials WHERE run_id = $1 GROUP BY family ORDER BY family", [first.id]);
    expect(trials.map((t) => [t.family, t.n])).toEqual([["gradient-boosting", 3], ["logistic-regression", 24]]);
    const importances = await query<{ feature: string }>(
      "SELECT i.feature FROM ops.feature_importances i JOIN ops.model_versions v ON v.id = i.version_id JOIN ops.registered_models m ON m.id = v.model_id WHERE m.name = 'elearning-churn' ORDER BY i.rank",
    );
    expect(importances.length).toBeGreaterThan(5);
    // The training run names the snapshots it read as inputs (lineage).
    const inputs = await query<{ source_run_id: string }>("SELECT source_run_id::text FROM ops.run_lineage WHERE run_id = $1 AND direction = 'input' AND kind = 'table'", [first.id]);
    expect(inputs.map((i) => i.source_run_id)).toEqual([load.id, load.id]);

    // Same snapshot again: bitwise-identical coefficients, so the candidate is not better and is not promoted. The
    // finished feature build is reused, not rewritten (a rebuild's determinism is build-elearning-features' test).
    const builtAt = async () => (await query<{ t: string }>(
      "SELECT built_at::text AS t FROM features.feature_builds WHERE feature_table = 'features.elearning_user_day' AND source_run_id = $1", [load.id]))[0]!.t;
    const firstBuild = await builtAt();
    const second = await run("train-elearning", { sourceRunId: load.id });
    expect(await builtAt()).toBe(firstBuild);
    const r2 = resultOf(second);
    expect(r2.version).toBe(2);
    expect(r2.promoted).toBe(false);
    expect(r2.decision.delta).toBe(0);
    expect(r2.champion).toBe(1);
    const v2 = await readModelArtifact((await getModelVersion("elearning-churn", 2))!.artifactKey);
    expect(v2.classifier).toEqual(v1.classifier);
    expect(v2.calibration).toEqual(v1.calibration);
    expect(v2.lineage.dataHash).toBe(v1.lineage.dataHash);
  });

  it("train-table trains on an uploaded dataset's confirmed columns with a stratified split", async () => {
    const { version } = await createDatasetVersionFromUpload(churnCsv(400), { name: "Telco train", fileName: "telco-train.csv" });
    await confirmDatasetVersion(version.id, { idColumn: "customerID", targetColumn: "Churn" });
    const { runId } = await startTabularLoad(version.id, "cli", "inline");
    expect(await runLocally(runId)).toMatchObject({ status: "succeeded" });

    const trained = await run("train-table", { dataset: "telco_train" });
    const r = resultOf(trained);
    expect(r.model).toBe("table-telco_train");
    expect(r.promoted).toBe(true);
    const set = trained.steps.find((s) => s.stepId === "training-set")!.output as { split: string; train: { rows: number; churners: number }; test: { rows: number; churners: number } };
    expect(set.split).toBe("stratified");
    // 400 rows, every 4th churns: stratified 20% test = 80 rows with 20 churners.
    expect(set.test).toEqual({ rows: 80, churners: 20 });
    const artifact = await readModelArtifact((await getModelVersion("table-telco_train", 1))!.artifactKey);
    expect((artifact.featureSchema as { name: string }[]).map((f) => f.name)).toContain("contract");
  });

  it("train-wallet trains on weekly buyer snapshots, keeping each buyer's weeks in one part", async () => {
    await forgetModel("wallet-churn"); // the scoring tests train it too
    const load = await run("wallet-sample", { buyers: 600, seed: 5 });
    const trained = await run("train-wallet", { sourceRunId: load.id, weeks: 4 });
    const r = resultOf(trained);
    expect(r.model).toBe("wallet-churn");
    const candidate = r.models.find((m) => m.role === "candidate")!;
    expect(candidate.test.roc_auc).toBeGreaterThan(0.5);
    const features = trained.steps[0]!.output as { splitKind: string; rows: number; entities: number };
    expect(features.splitKind).toBe("entity");
    expect(features.rows).toBeGreaterThanOrEqual(features.entities);
    // A manual rollback needs an earlier champion: with one version there is none.
    await expect(rollbackModel("wallet-churn", { actor: "test" })).rejects.toMatchObject({ code: "CONFLICT" });
  });
});
