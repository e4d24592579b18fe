// Test support for the registry tests (imported by *.test.ts only): run rows, a saved-version input, an emit.
import crypto from "node:crypto";
import { query, type Queryable } from "../db/sql.ts";
import type { ChurnopsEvent } from "../events/event-catalog.ts";
import { enqueueEvents } from "../events/outbox.ts";
import type { EmitEvents, SaveModelVersionInput } from "./types.ts";

/** A finished training run row (lineage rows and artifacts point at runs). */
export async function trainingRun(pipelineId = "train-test"): Promise<string> {
  const id = crypto.randomUUID();
  await query(
    `INSERT INTO ops.pipeline_runs (id, pipeline_id, trigger, executor, status, concurrency_key) VALUES ($1, $2, 'manual', 'local', 'succeeded', $2)`,
    [id, pipelineId],
  );
  return id;
}

/** A snapshot output of a (load) run, as lib/lineage records it; the relation need not exist to be pinned. */
export async function loadRunWithSnapshot(table = "staging.elearning_events"): Promise<{ runId: string; relation: string }> {
  const runId = await trainingRun("elearning-load-test");
  const relation = `snapshots.test_${runId.replaceAll("-", "").slice(0, 16)}`;
  await query(
    `INSERT INTO ops.run_lineage (run_id, direction, kind, name, snapshot_table, row_count, checksum) VALUES ($1, 'output', 'table', $2, $3, 42, 'c0ffee')`,
    [runId, table, relation],
  );
  return { runId, relation };
}

/** The emit a pipeline step passes (ctx.emit): outbox rows in the caller's transaction, tagged with the run. */
export function outboxEmit(runId: string): EmitEvents {
  return async (events, client?: Queryable) => {
    await enqueueEvents((Array.isArray(events) ? events : [events]) as ChurnopsEvent[], { runId, client });
  };
}

export function versionInput(model: string, runId: string, over: { metrics?: Record<string, unknown>; primaryMetric?: string; snapshots?: SaveModelVersionInput["lineage"]["snapshots"] } = {}): SaveModelVersionInput {
  return {
    model: { name: model, dataset: "elearning", primaryMetric: over.primaryMetric ?? "roc_auc" },
    runId,
    modelJson: { family: "logistic-regression", intercept: -1.25, coefficients: new Float64Array([0.5, -0.25, 2]) },
    preprocessing: { numeric: [{ name: "logins_7d", median: 3, mean: 2.5, std: 1.5 }], categorical: [{ name: "plan", levels: ["free", "pro"] }] },
    featureSchema: [{ name: "logins_7d", kind: "numeric", min: 0, max: 40 }, { name: "plan", kind: "categorical", categories: ["free", "pro"] }],
    params: { lambda: 0.01, alpha: 0.5 },
    metrics: over.metrics ?? { roc_auc: 0.9, pr_auc: 0.6, log_loss: 0.3 },
    lineage: { dataHash: "d".repeat(64), featureSetVersion: "elearning-v1", snapshots: over.snapshots ?? [] },
    importances: [{ feature: "plan", mean_abs_shap: 0.1 }, { feature: "logins_7d", mean_abs_shap: 0.7 }, { feature: "days_since_last", mean_abs_shap: 0.3 }],
    shapSample: { features: ["logins_7d", "plan"], baseValue: -1.1, rows: [[0.2, -0.05], [-0.4, 0.1]] },
  };
}

export const outboxOf = (runId: string) =>
  query<{ name: string; data: Record<string, unknown> }>("SELECT name, data FROM ops.outbox_events WHERE run_id = $1 ORDER BY created_at, id", [runId]);

/** Marks every pending event sent: other test files' dispatchers and outbox assertions must not see ours. */
export async function settleOutbox(): Promise<void> {
  await query("UPDATE ops.outbox_events SET sent_at = now() WHERE sent_at IS NULL");
}

/**
 * Forgets a registered model entirely (rows, aliases, versions, and its write-once artifacts under models/<name>/),
 * so a test that trains it starts at version 1 whatever other test files trained in the shared database before.
 */
export async function forgetModel(name: string): Promise<void> {
  const { getArtifactStore } = await import("../storage/default-artifact-store.ts");
  const store = getArtifactStore();
  for (const o of await store.list(`models/${name}/`)) await store.delete(o.key);
  await query("DELETE FROM ops.artifacts WHERE key LIKE $1", [`models/${name}/%`]);
  await query("DELETE FROM ops.registered_models WHERE name = $1", [name]);
}
