import "server-only";
import { query } from "../db/sql.ts";
import type { AliasAction, AliasName } from "./alias-change.ts";
import type { StoredDecision } from "./apply-promotion-decision.ts";
import type { MetricDirection } from "./decide-promotion.ts";
import type { TrainingSnapshot } from "./types.ts";

// Read models of the registry for pages, the CLI and the API: plain JSON-able objects, dates as ISO strings.
// Versions still writing their artifacts ("registering") are not shown anywhere.

export interface ModelSummary {
  name: string;
  dataset: string;
  primaryMetric: string;
  direction: MetricDirection;
  createdAt: string;
  champion: { version: number; value: number | null; trainedAt: string } | null;
  challenger: number | null;
  latestVersion: number | null;
  versionCount: number;
  lastTrainedAt: string | null;
}

export interface VersionSummary {
  version: number;
  family: string;
  primaryMetricValue: number | null;
  runId: string | null;
  dataHash: string;
  createdAt: string;
  aliases: AliasName[];
  decision: StoredDecision | null;
}

export interface AuditEntry {
  id: string;
  alias: AliasName;
  fromVersion: number | null;
  toVersion: number | null;
  action: AliasAction;
  actor: string;
  reason: string;
  metricName: string | null;
  candidateValue: number | null;
  championValue: number | null;
  delta: number | null;
  runId: string | null;
  at: string;
}

export interface ModelDetail extends ModelSummary {
  /** newest first */
  versions: VersionSummary[];
  /** newest first */
  audit: AuditEntry[];
}

export interface TrialView {
  index: number;
  family: string;
  params: Record<string, unknown>;
  validationScore: number | null;
  metric: string;
  createdAt: string;
}

export interface VersionDetail extends VersionSummary {
  model: { name: string; dataset: string; primaryMetric: string; direction: MetricDirection };
  metrics: Record<string, unknown>;
  params: Record<string, unknown>;
  artifactKey: string;
  artifactSha256: string;
  importancesKey: string;
  shapSampleKey: string;
  featureSetVersion: string;
  /** the run-scoped snapshots the training data came from (link each to its run) */
  snapshots: TrainingSnapshot[];
  /** most important first */
  importances: { feature: string; meanAbsShap: number; rank: number }[];
  /** the search trials of the training run for this model, in search order */
  trials: TrialView[];
  /** audit entries that moved an alias to or from this version, newest first */
  audit: AuditEntry[];
}

export interface ChampionRef {
  model: string;
  dataset: string;
  version: number;
  family: string;
  artifactKey: string;
  primaryMetric: string;
  direction: MetricDirection;
  primaryMetricValue: number | null;
  runId: string | null;
  trainedAt: string;
}

type ModelRow = {
  name: string; dataset: string; primary_metric: string; metric_direction: MetricDirection; created_at: Date;
  champion: number | null; champion_value: number | null; champion_at: Date | null; challenger: number | null;
  latest: number | null; version_count: number; last_trained: Date | null;
};

const MODEL_SELECT = `
  SELECT m.name, m.dataset, m.primary_metric, m.metric_direction, m.created_at,
         ch.version AS champion, cv.primary_metric_value AS champion_value, cv.created_at AS champion_at, cl.version AS challenger,
         v.latest, COALESCE(v.n, 0)::int AS version_count, v.last_trained
    FROM ops.registered_models m
    LEFT JOIN ops.model_aliases ch ON ch.model_id = m.id AND ch.alias = 'champion'
    LEFT JOIN ops.model_versions cv ON cv.model_id = m.id AND cv.version = ch.version
    LEFT JOIN ops.model_aliases cl ON cl.model_id = m.id AND cl.alias = 'challenger'
    LEFT JOIN LATERAL (SELECT max(version) AS latest, count(*) AS n, max(created_at) AS last_trained
                         FROM ops.model_versions WHERE model_id = m.id AND status = 'ready') v ON true`;

function toSummary(r: ModelRow): ModelSummary {
  return {
    name: r.name, dataset: r.dataset, primaryMetric: r.primary_metric, direction: r.metric_direction, createdAt: r.created_at.toISOString(),
    champion: r.champion === null ? null : { version: r.champion, value: r.champion_value, trainedAt: (r.champion_at ?? r.created_at).toISOString() },
    challenger: r.challenger, latestVersion: r.latest, versionCount: r.version_count, lastTrainedAt: r.last_trained?.toISOString() ?? null,
  };
}

/** Every registered model with its champion, primary metric and last training, by name. */
export async function listModels(): Promise<ModelSummary[]> {
  return (await query<ModelRow>(`${MODEL_SELECT} ORDER BY m.name`)).map(toSummary);
}

type VersionRow = {
  id: string; version: number; family: string; primary_metric_value: number | null; run_id: string | null; data_hash: string;
  created_at: Date; decision: StoredDecision | null; aliases: AliasName[] | null;
};
const ALIASES_OF_V = "(SELECT array_agg(a.alias ORDER BY a.alias) FROM ops.model_aliases a WHERE a.model_id = v.model_id AND a.version = v.version) AS aliases";
const VERSION_SELECT = `
  SELECT v.id, v.version, v.family, v.primary_metric_value, v.run_id, v.data_hash, v.created_at, v.decision, ${ALIASES_OF_V}
    FROM ops.model_versions v JOIN ops.registered_models m ON m.id = v.model_id`;

const toVersion = (r: VersionRow): VersionSummary => ({
  version: r.version, family: r.family, primaryMetricValue: r.primary_metric_value, runId: r.run_id, dataHash: r.data_hash,
  createdAt: r.created_at.toISOString(), aliases: r.aliases ?? [], decision: r.decision,
});

type AuditRow = {
  id: string; alias: AliasName; from_version: number | null; to_version: number | null; action: AliasAction; actor: string; reason: string;
  metric_name: string | null; candidate_value: number | null; champion_value: number | null; delta: number | null; run_id: string | null; at: Date;
};
const toAudit = (r: AuditRow): AuditEntry => ({
  id: r.id, alias: r.alias, fromVersion: r.from_version, toVersion: r.to_version, action: r.action, actor: r.actor, reason: r.reason,
  metricName: r.metric_name, candidateValue: r.candidate_value, championValue: r.champion_value, delta: r.delta, runId: r.run_id, at: r.at.toISOString(),
});
const AUDIT_SELECT = `SELECT e.id::text, e.alias, e.from_version, e.to_version, e.action, e.actor, e.reason, e.metric_name, e.candidate_value,
       e.champion_value, e.delta, e.run_id, e.at FROM ops.model_alias_events e JOIN ops.registered_models m ON m.id = e.model_id`;

/** One model with its versions, aliases and audit log; null for an unknown name. */
export async function getModel(name: string): Promise<ModelDetail | null> {
  const [row] = await query<ModelRow>(`${MODEL_SELECT} WHERE m.name = $1`, [name]);
  if (!row) return null;
  const versions = await query<VersionRow>(`${VERSION_SELECT} WHERE m.name = $1 AND v.status = 'ready' ORDER BY v.version DESC`, [name]);
  const audit = await query<AuditRow>(`${AUDIT_SELECT} WHERE m.name = $1 ORDER BY e.id DESC`, [name]);
  return { ...toSummary(row), versions: versions.map(toVersion), audit: audit.map(toAudit) };
}

type DetailRow = VersionRow & {
  name: string; dataset: string; primary_metric: string; metric_direction: MetricDirection; metrics: Record<string, unknown>;
  params: Record<string, unknown>; artifact_key: string; artifact_sha256: string; importances_key: string; shap_sample_key: string;
  feature_set_version: string; snapshots: TrainingSnapshot[];
};

/** One version with metrics, params, importances, the run's search trials and its lineage; null when unknown. */
export async function getModelVersion(name: string, version: number): Promise<VersionDetail | null> {
  const [r] = await query<DetailRow>(
    `SELECT v.id, v.version, v.family, v.primary_metric_value, v.run_id, v.data_hash, v.created_at, v.decision, ${ALIASES_OF_V},
            m.name, m.dataset, m.primary_metric, m.metric_direction, v.metrics, v.params, v.artifact_key, v.artifact_sha256,
            v.importances_key, v.shap_sample_key, v.feature_set_version, v.snapshots
       FROM ops.model_versions v JOIN ops.registered_models m ON m.id = v.model_id
      WHERE m.name = $1 AND v.version = $2 AND v.status = 'ready'`,
    [name, version],
  );
  if (!r) return null;
  const importances = await query<{ feature: string; mean_abs_shap: number; rank: number }>(
    "SELECT feature, mean_abs_shap, rank FROM ops.feature_importances WHERE version_id = $1 ORDER BY rank", [r.id],
  );
  const trials = r.run_id ? await listSearchTrials(r.run_id, name) : [];
  const audit = await query<AuditRow>(`${AUDIT_SELECT} WHERE m.name = $1 AND (e.to_version = $2 OR e.from_version = $2) ORDER BY e.id DESC`, [name, version]);
  return {
    ...toVersion(r),
    model: { name: r.name, dataset: r.dataset, primaryMetric: r.primary_metric, direction: r.metric_direction },
    metrics: r.metrics, params: r.params, artifactKey: r.artifact_key, artifactSha256: r.artifact_sha256, importancesKey: r.importances_key,
    shapSampleKey: r.shap_sample_key, featureSetVersion: r.feature_set_version, snapshots: r.snapshots,
    importances: importances.map((i) => ({ feature: i.feature, meanAbsShap: i.mean_abs_shap, rank: i.rank })),
    trials, audit: audit.map(toAudit),
  };
}

/** The trials a run recorded (for one model, or all), in search order; visible while the search runs. */
export async function listSearchTrials(runId: string, modelName?: string): Promise<TrialView[]> {
  const rows = await query<{ index: number; family: string; params: Record<string, unknown>; validation_score: number | null; metric: string; created_at: Date }>(
    `SELECT index, family, params, validation_score, metric, created_at FROM ops.search_trials
      WHERE run_id = $1 AND ($2::text IS NULL OR model_name = $2) ORDER BY family, index`,
    [runId, modelName ?? null],
  );
  return rows.map((t) => ({ index: t.index, family: t.family, params: t.params, validationScore: t.validation_score, metric: t.metric, createdAt: t.created_at.toISOString() }));
}

/** The champion of a model (Overview card, scoring); null when the model is unknown or has none yet. */
export async function getChampion(name: string): Promise<ChampionRef | null> {
  const [r] = await query<{
    name: string; dataset: string; version: number; family: string; artifact_key: string; primary_metric: string; metric_direction: MetricDirection;
    primary_metric_value: number | null; run_id: string | null; created_at: Date;
  }>(
    `SELECT m.name, m.dataset, v.version, v.family, v.artifact_key, m.primary_metric, m.metric_direction, v.primary_metric_value, v.run_id, v.created_at
       FROM ops.registered_models m
       JOIN ops.model_aliases a ON a.model_id = m.id AND a.alias = 'champion'
       JOIN ops.model_versions v ON v.model_id = m.id AND v.version = a.version
      WHERE m.name = $1`,
    [name],
  );
  if (!r) return null;
  return {
    model: r.name, dataset: r.dataset, version: r.version, family: r.family, artifactKey: r.artifact_key, primaryMetric: r.primary_metric,
    direction: r.metric_direction, primaryMetricValue: r.primary_metric_value, runId: r.run_id, trainedAt: r.created_at.toISOString(),
  };
}
