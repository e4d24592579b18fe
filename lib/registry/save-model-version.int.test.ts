import { afterAll, describe, expect, it } from "vitest";
import { query } from "../db/sql.ts";
import { getRunLineage } from "../lineage/run-lineage.ts";
import { findArtifact, putArtifact } from "../storage/artifact-records.ts";
import { getArtifactStore } from "../storage/default-artifact-store.ts";
import { calibratedProbability } from "./calibrated-probability.ts";
import { getModel, getModelVersion, listSearchTrials } from "./queries.ts";
import { readModelArtifact } from "./read-model-artifact.ts";
import { recordSearchTrial } from "./record-search-trial.ts";
import { saveModelVersion } from "./save-model-version.ts";
import { loadRunWithSnapshot, outboxEmit, outboxOf, settleOutbox, trainingRun, versionInput } from "./testing.ts";

afterAll(settleOutbox); // leave no pending event for the next file's dispatcher

const versionsOf = (model: string) =>
  query<{ version: number; status: string }>("SELECT v.version, v.status FROM ops.model_versions v JOIN ops.registered_models m ON m.id = v.model_id WHERE m.name = $1 ORDER BY version", [model]);

describe("saveModelVersion", () => {
  it("writes the version's artifacts, registers it, records run outputs, pins its snapshots and emits model.trained", async () => {
    const load = await loadRunWithSnapshot();
    const run = await trainingRun();
    const input = versionInput("save-a", run, { snapshots: [{ table: "staging.elearning_events", runId: load.runId, relation: load.relation, rowCount: 42, checksum: "c0ffee" }] });
    const saved = await saveModelVersion(input, { emit: outboxEmit(run) });
    expect(saved).toMatchObject({ model: "save-a", version: 1, family: "logistic-regression", created: true, primaryMetric: "roc_auc", primaryMetricValue: 0.9, artifactKey: "models/save-a/1/model.json" });

    const artifact = await readModelArtifact(saved.artifactKey);
    expect(artifact).toMatchObject({
      format: "churnops.model/v1", model: "save-a", version: 1, runId: run, dataset: "elearning", primaryMetric: "roc_auc",
      classifier: { family: "logistic-regression", intercept: -1.25, coefficients: [0.5, -0.25, 2] }, // typed arrays as arrays
      preprocessing: input.preprocessing, featureSchema: input.featureSchema, params: input.params, metrics: input.metrics,
      lineage: { dataHash: "d".repeat(64), featureSetVersion: "elearning-v1", snapshots: [{ runId: load.runId, relation: load.relation }] },
    });
    const importances = JSON.parse((await getArtifactStore().getBuffer("models/save-a/1/importances.json")).toString());
    expect(importances.importances.map((i: { feature: string; rank: number }) => `${i.rank}:${i.feature}`)).toEqual(["1:logins_7d", "2:days_since_last", "3:plan"]);
    expect(JSON.parse((await getArtifactStore().getBuffer(saved.shapSampleKey)).toString())).toEqual(input.shapSample);

    expect((await findArtifact(saved.artifactKey))).toMatchObject({ kind: "model", runId: run, sha256: saved.artifactSha256 });
    const outputs = (await getRunLineage(run)).outputs.filter((o) => o.kind === "artifact");
    expect(outputs.map((o) => o.name)).toEqual(["models/save-a/1/importances.json", "models/save-a/1/model.json", "models/save-a/1/shap-sample.json"]);
    expect(outputs.find((o) => o.name === saved.artifactKey)?.sha256).toBe(saved.artifactSha256);
    expect((await query<{ pinned: boolean }>("SELECT pinned FROM ops.run_lineage WHERE snapshot_table = $1", [load.relation]))[0].pinned).toBe(true);

    expect(await outboxOf(run)).toEqual([{ name: "churnops/model.trained", data: { runId: run, model: "save-a", version: 1, primaryMetric: "roc_auc", value: 0.9 } }]);
    const detail = await getModelVersion("save-a", 1);
    expect(detail?.importances).toEqual([
      { feature: "logins_7d", meanAbsShap: 0.7, rank: 1 }, { feature: "days_since_last", meanAbsShap: 0.3, rank: 2 }, { feature: "plan", meanAbsShap: 0.1, rank: 3 },
    ]);
    expect(detail).toMatchObject({ version: 1, runId: run, dataHash: "d".repeat(64), featureSetVersion: "elearning-v1", params: input.params, aliases: [], decision: null });
  });

  it("is idempotent per run and model: a retry returns the same version and emits nothing more; another run gets the next number", async () => {
    const run = await trainingRun();
    const first = await saveModelVersion(versionInput("save-b", run), { emit: outboxEmit(run) });
    const again = await saveModelVersion(versionInput("save-b", run), { emit: outboxEmit(run) });
    expect(again).toEqual({ ...first, created: false });
    expect(await versionsOf("save-b")).toEqual([{ version: 1, status: "ready" }]);
    expect(await outboxOf(run)).toHaveLength(1);
    const next = await trainingRun();
    expect((await saveModelVersion(versionInput("save-b", next), { emit: outboxEmit(next) })).version).toBe(2);
  });

  it("keeps the version, its readiness and its event in one transaction: a failed emit leaves a hidden version that the retry completes", async () => {
    const run = await trainingRun();
    const failing = async () => { throw new Error("outbox unavailable"); };
    await expect(saveModelVersion(versionInput("save-c", run), { emit: failing })).rejects.toThrow("outbox unavailable");
    expect(await versionsOf("save-c")).toEqual([{ version: 1, status: "registering" }]);
    expect((await getModel("save-c"))?.versions).toEqual([]); // pages never show a half-registered version
    expect(await query("SELECT 1 FROM ops.feature_importances f JOIN ops.model_versions v ON v.id = f.version_id JOIN ops.registered_models m ON m.id = v.model_id WHERE m.name = 'save-c'")).toEqual([]);
    expect(await outboxOf(run)).toEqual([]);
    const retried = await saveModelVersion(versionInput("save-c", run), { emit: outboxEmit(run) });
    expect(retried).toMatchObject({ version: 1, created: true });
    expect(await versionsOf("save-c")).toEqual([{ version: 1, status: "ready" }]);
    expect((await outboxOf(run)).map((e) => e.name)).toEqual(["churnops/model.trained"]);
  });

  it("refuses to overwrite a version's artifact with other bytes (write-once)", async () => {
    const run = await trainingRun();
    const failing = async () => { throw new Error("crash after the artifacts"); };
    await expect(saveModelVersion(versionInput("save-d", run), { emit: failing })).rejects.toThrow("crash");
    // A retry that trained something else (not reproducible) must not replace what version 1 was.
    await expect(saveModelVersion(versionInput("save-d", run, { metrics: { roc_auc: 0.5 } }), { emit: outboxEmit(run) })).rejects.toMatchObject({ code: "CONFLICT", status: 409 });
    await expect(putArtifact("models/save-d/1/model.json", "{}", { kind: "model", contentType: "application/json" })).rejects.toThrow(/write-once/);
    expect((await readModelArtifact("models/save-d/1/model.json")).metrics).toEqual({ roc_auc: 0.9, pr_auc: 0.6, log_loss: 0.3 });
  });

  it("refuses a model name that is not a key segment, and a name registered for another dataset", async () => {
    const run = await trainingRun();
    await expect(saveModelVersion(versionInput("../etc", run), { emit: outboxEmit(run) })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await saveModelVersion(versionInput("save-e", run), { emit: outboxEmit(run) });
    const other = await trainingRun();
    const input = versionInput("save-e", other);
    await expect(saveModelVersion({ ...input, model: { ...input.model, dataset: "wallet" } }, { emit: outboxEmit(other) })).rejects.toThrow(/registered for dataset "elearning"/);
  });

  it("records search trials as they finish; a retried search rewrites its own trials", async () => {
    const run = await trainingRun();
    for (const [index, score] of [0.71, 0.74].entries()) {
      await recordSearchTrial({ runId: run, modelName: "save-f", family: "elastic-net", index, params: { lambda: 10 ** -index, alpha: 0.5 }, validationScore: score, metric: "pr_auc" });
    }
    expect((await listSearchTrials(run, "save-f")).map((t) => t.validationScore)).toEqual([0.71, 0.74]);
    await recordSearchTrial({ runId: run, modelName: "save-f", family: "elastic-net", index: 1, params: { lambda: 0.1, alpha: 0.5 }, validationScore: Number.NaN, metric: "pr_auc" });
    expect(await listSearchTrials(run, "save-f")).toMatchObject([{ index: 0, validationScore: 0.71 }, { index: 1, validationScore: null, params: { lambda: 0.1 } }]);
    await saveModelVersion(versionInput("save-f", run), { emit: outboxEmit(run) });
    expect((await getModelVersion("save-f", 1))?.trials).toHaveLength(2);
  });

  it("keeps a calibrator in the artifact when one is given, and writes no calibration key otherwise", async () => {
    const run = await trainingRun();
    const calibration = { method: "isotonic" as const, x: [-2, 0.5, 3], y: [0.05, 0.2, 0.9] };
    const saved = await saveModelVersion({ ...versionInput("save-g", run), calibration }, { emit: outboxEmit(run) });
    const artifact = await readModelArtifact(saved.artifactKey);
    expect(artifact.calibration).toEqual(calibration);
    expect(Array.from(calibratedProbability(artifact, Float64Array.of(-5, 0.5, 9)))).toEqual([0.05, 0.2, 0.9]);
    const plain = await trainingRun();
    const uncalibrated = await readModelArtifact((await saveModelVersion(versionInput("save-g", plain), { emit: outboxEmit(plain) })).artifactKey);
    expect("calibration" in uncalibrated).toBe(false);
  });
});
