import "server-only";
import { query } from "../db/sql.ts";
import { AppError } from "../errors.ts";

/** A ready version picked for scoring: enough to find its artifact and to key a cache of loaded models. */
export interface ScorableVersion {
  /** ops.model_versions.id: a new champion is a new id, so caches keyed by it never serve the old one */
  versionId: string;
  model: string;
  dataset: string;
  version: number;
  family: string;
  artifactKey: string;
  artifactSha256: string;
  primaryMetric: string;
  isChampion: boolean;
}

type Row = {
  version_id: string; model: string; dataset: string; version: number; family: string; artifact_key: string; artifact_sha256: string;
  primary_metric: string; is_champion: boolean;
};

/**
 * The version a prediction request means: `version` of `model`, or its champion; with no model, the champion of the
 * only model that has one. One short statement per request, so a promotion made by any process (a worker, the CLI)
 * is used by the next request.
 * @throws AppError NOT_FOUND (unknown model or version, no champion yet), INVALID_INPUT (several champions, no model named)
 */
export async function resolveScorableVersion(ref: { model?: string; version?: number }): Promise<ScorableVersion> {
  const rows = await query<Row>(
    `SELECT v.id::text AS version_id, m.name AS model, m.dataset, v.version, v.family, v.artifact_key, v.artifact_sha256,
            m.primary_metric, (a.version IS NOT NULL) AS is_champion
       FROM ops.registered_models m
       JOIN ops.model_versions v ON v.model_id = m.id AND v.status = 'ready'
       LEFT JOIN ops.model_aliases a ON a.model_id = m.id AND a.alias = 'champion' AND a.version = v.version
      WHERE ($1::text IS NULL OR m.name = $1) AND (CASE WHEN $2::int IS NULL THEN a.version IS NOT NULL ELSE v.version = $2::int END)
      ORDER BY m.name
      LIMIT 20`,
    [ref.model ?? null, ref.version ?? null],
  );
  if (rows.length === 1) return toVersion(rows[0]!);
  if (rows.length > 1) {
    throw new AppError("INVALID_INPUT", `Several models have a champion (${rows.map((r) => r.model).join(", ")}). To fix: name one with "model".`);
  }
  if (!ref.model) {
    if (ref.version !== undefined) throw new AppError("INVALID_INPUT", `"version" needs "model": say which model's version ${ref.version} to use.`);
    throw new AppError("NOT_FOUND", "No model has a champion yet, so there is nothing to score with. To fix: train one (`churnops run train-elearning`, or a training pipeline on /pipelines).", 404);
  }
  const [known] = await query<{ n: number }>("SELECT count(*)::int AS n FROM ops.registered_models WHERE name = $1", [ref.model]);
  if (!known || known.n === 0) throw new AppError("NOT_FOUND", `There is no model named "${ref.model}". To fix: pick one from GET /api/models.`, 404);
  if (ref.version !== undefined) throw new AppError("NOT_FOUND", `Model ${ref.model} has no ready version ${ref.version}. To fix: pick one from /models/${ref.model}.`, 404);
  throw new AppError("NOT_FOUND", `Model ${ref.model} has no champion yet. To fix: promote a version (\`churnops promote ${ref.model} <version>\`), or name a "version".`, 404);
}

const toVersion = (r: Row): ScorableVersion => ({
  versionId: r.version_id, model: r.model, dataset: r.dataset, version: r.version, family: r.family, artifactKey: r.artifact_key,
  artifactSha256: r.artifact_sha256, primaryMetric: r.primary_metric, isChampion: r.is_champion,
});
