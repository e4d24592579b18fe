import "server-only";
import { AppError } from "../errors.ts";
import { readModelArtifact } from "../registry/read-model-artifact.ts";
import type { ScorableVersion } from "../registry/resolve-scorable-version.ts";
import { loadPredictor, type RowPredictor } from "./row-predictor.ts";

/**
 * Loaded predictors are kept for the few models a server scores with: a model.json of a 250-tree ensemble takes tens
 * of milliseconds to read and parse, a prediction well under one. Keyed by version id and artifact sha256, so a new
 * champion (another version id) is loaded on its first request and the old one ages out. Least recently used
 * goes first; concurrent first requests share one load.
 */
const MAX_PREDICTORS = 8;

const cache = new Map<string, Promise<RowPredictor>>();

export function cachedPredictor(v: ScorableVersion): Promise<RowPredictor> {
  const key = `${v.versionId}:${v.artifactSha256}`;
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key); // re-insert: Map order is the recency order
    cache.set(key, hit);
    return hit;
  }
  const loading = readModelArtifact(v.artifactKey).then((artifact) => {
    try {
      return loadPredictor(artifact);
    } catch (e) {
      throw new AppError("MODEL_NOT_SCORABLE", `${v.model} v${v.version} cannot score rows: its artifact ${v.artifactKey} has no usable preprocessing or classifier (${(e as Error).message}). To fix: retrain the model, or pick another version.`, 422, { cause: e });
    }
  });
  cache.set(key, loading);
  loading.catch(() => {
    if (cache.get(key) === loading) cache.delete(key); // a failed load is retried by the next request
  });
  while (cache.size > MAX_PREDICTORS) cache.delete(cache.keys().next().value!);
  return loading;
}

/** Test support: the number of predictors held. */
export const cachedPredictorCount = () => cache.size;
