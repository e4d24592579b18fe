import { query, type Queryable } from "../db/sql.ts";
import { AppError } from "../errors.ts";
import type { MetricDirection } from "./decide-promotion.ts";

// The building blocks every alias change uses inside its transaction: lock the model, read its aliases and
// versions, move an alias and write the audit entry beside it (one never happens without the other).

export type AliasName = "champion" | "challenger";
export type AliasAction = "promote" | "rollback" | "auto-promote" | "skip";

export interface LockedModel {
  id: string;
  name: string;
  primaryMetric: string;
  direction: MetricDirection;
}

/** Locks the model's row until commit, so alias changes of one model happen one at a time. */
export async function lockModel(client: Queryable, name: string): Promise<LockedModel> {
  const [row] = await query<{ id: string; name: string; primary_metric: string; metric_direction: MetricDirection }>(
    "SELECT id, name, primary_metric, metric_direction FROM ops.registered_models WHERE name = $1 FOR UPDATE",
    [name],
    client,
  );
  if (!row) throw new AppError("NOT_FOUND", `There is no registered model "${name}". To fix: pick one from \`churnops models\` or the Models page (a model appears after its first training run).`, 404);
  return { id: row.id, name: row.name, primaryMetric: row.primary_metric, direction: row.metric_direction };
}

export async function aliasesOf(client: Queryable, modelId: string): Promise<Record<AliasName, number | null>> {
  const rows = await query<{ alias: AliasName; version: number }>("SELECT alias, version FROM ops.model_aliases WHERE model_id = $1", [modelId], client);
  const get = (a: AliasName) => rows.find((r) => r.alias === a)?.version ?? null;
  return { champion: get("champion"), challenger: get("challenger") };
}

export interface VersionRef {
  id: string;
  version: number;
  status: string;
  primaryMetricValue: number | null;
  decision: unknown;
}

export async function findVersion(client: Queryable, model: LockedModel, version: number): Promise<VersionRef> {
  const [row] = await query<{ id: string; version: number; status: string; primary_metric_value: number | null; decision: unknown }>(
    "SELECT id, version, status, primary_metric_value, decision FROM ops.model_versions WHERE model_id = $1 AND version = $2",
    [model.id, version],
    client,
  );
  if (!row || row.status !== "ready") {
    throw new AppError("NOT_FOUND", `Model "${model.name}" has no version ${version}${row ? " ready yet (its artifacts are still being written)" : ""}. To fix: pick a version listed by \`churnops models\` or on the model's page.`, 404);
  }
  return { id: row.id, version: row.version, status: row.status, primaryMetricValue: row.primary_metric_value, decision: row.decision };
}

export interface AliasChange {
  alias: AliasName;
  from: number | null;
  to: number | null;
  action: AliasAction;
  actor: string;
  reason: string;
  metricName?: string | null;
  candidateValue?: number | null;
  championValue?: number | null;
  delta?: number | null;
  runId?: string | null;
}

/** Moves (or clears, with to = null) an alias and writes its audit entry; returns the entry's id. */
export async function changeAlias(client: Queryable, modelId: string, change: AliasChange): Promise<string> {
  if (change.to === null) await query("DELETE FROM ops.model_aliases WHERE model_id = $1 AND alias = $2", [modelId, change.alias], client);
  else {
    await query(
      `INSERT INTO ops.model_aliases (model_id, alias, version, updated_at) VALUES ($1, $2, $3, now())
       ON CONFLICT (model_id, alias) DO UPDATE SET version = EXCLUDED.version, updated_at = EXCLUDED.updated_at`,
      [modelId, change.alias, change.to],
      client,
    );
  }
  const finite = (x: number | null | undefined) => (typeof x === "number" && Number.isFinite(x) ? x : null);
  const [row] = await query<{ id: string }>(
    `INSERT INTO ops.model_alias_events (model_id, alias, from_version, to_version, action, actor, reason, metric_name, candidate_value, champion_value, delta, run_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id::text`,
    [modelId, change.alias, change.from, change.to, change.action, change.actor, change.reason, change.metricName ?? null,
      finite(change.candidateValue), finite(change.championValue), finite(change.delta), change.runId ?? null],
    client,
  );
  return row.id;
}

/** Improvement of `candidate` over `champion` in the metric's better direction (null when either is unknown). */
export function improvement(direction: MetricDirection, candidate: number | null, champion: number | null): number | null {
  if (candidate === null || champion === null) return null;
  return direction === "higher" ? candidate - champion : champion - candidate;
}
