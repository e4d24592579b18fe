import "server-only";
import type { z } from "zod";
import { errorMessage } from "../errors.ts";
import type { modelListSchema } from "../registry/model-api-schemas.ts";
import { listModels } from "../registry/queries.ts";
import { resolveScorableVersion } from "../registry/resolve-scorable-version.ts";
import { cachedPredictor } from "./predictor-cache.ts";

type ModelList = z.infer<typeof modelListSchema>;

/**
 * GET /api/models: every registered model with its champion and primary metric; with `features`, the champion's
 * feature schema too (what a POST /api/predict row may contain), read through the predictor cache. A champion whose
 * artifact cannot score gets `features: null` and the reason in the server log, not a failed list.
 */
export async function listModelsForApi(opts: { features: boolean }): Promise<ModelList> {
  const models = await listModels();
  const out: ModelList["models"] = [];
  for (const m of models) {
    const row: ModelList["models"][number] = {
      name: m.name, dataset: m.dataset, primaryMetric: m.primaryMetric, direction: m.direction, champion: m.champion,
      challenger: m.challenger, latestVersion: m.latestVersion, versionCount: m.versionCount, lastTrainedAt: m.lastTrainedAt,
    };
    if (opts.features) row.features = m.champion ? await championFeatures(m.name) : null;
    out.push(row);
  }
  return { models: out };
}

async function championFeatures(model: string) {
  try {
    const predictor = await cachedPredictor(await resolveScorableVersion({ model }));
    return predictor.schema.map((f) => ({ ...f }));
  } catch (e) {
    console.error(`GET /api/models: the champion of ${model} has no usable feature schema: ${errorMessage(e)}`);
    return null;
  }
}
