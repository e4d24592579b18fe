import "server-only";
import { getEnv } from "../env.ts";
import { appMetrics } from "../observability/metrics-registry.ts";
import { rowContributions } from "./contributions.ts";
import type { PredictBody, PredictResponse } from "./predict-schemas.ts";
import { cachedPredictor } from "./predictor-cache.ts";
import { resolvedVersion } from "./resolved-versions.ts";
import { riskBand, riskBandBounds } from "./risk-band.ts";
import { dayNumber, rowsToFrame } from "./rows-to-frame.ts";

const DAY_MS = 86_400_000;

/**
 * Scores the rows of one POST /api/predict body (already parsed by predictBodySchema): resolves the version (cached
 * for 2 s, resolved-versions.ts), takes its predictor from the cache (keyed by version id, so a new champion is a
 * new entry), checks the rows against its feature schema and scores them all in one vectorised call.
 * @throws AppError NOT_FOUND / INVALID_INPUT (which model), RowValidationError (which field of which row), MODEL_NOT_SCORABLE
 */
export async function predictRows(body: PredictBody): Promise<PredictResponse> {
  const ref = await resolvedVersion({ model: body.model, version: body.version });
  const predictor = await cachedPredictor(ref);
  const single = body.row !== undefined;
  const rows = single ? [body.row] : body.rows!;
  const frame = rowsToFrame(predictor.schema, rows, single ? { path: "row", single: true } : { path: "rows" });
  // Date features become ages at the as-of day: the request's, else today (a what-if is about a customer now).
  const referenceDate = predictor.hasDates ? (body.asOf ? dayNumber(body.asOf) : Math.floor(Date.now() / DAY_MS)) : undefined;
  const scored = predictor.predict(frame, { contributions: body.contributions, ...(referenceDate === undefined ? {} : { referenceDate }) });
  const high = getEnv().CHURNOPS_HIGH_RISK_THRESHOLD;
  appMetrics().predictionsServed.inc({ model: ref.model }, frame.rows);
  const c = scored.contributions;
  return {
    model: ref.model,
    version: ref.version,
    family: predictor.family,
    champion: ref.isChampion,
    thresholds: riskBandBounds(high),
    predictions: Array.from({ length: frame.rows }, (_, i) => ({
      probability: scored.probability[i]!,
      raw: scored.raw[i]!,
      riskBand: riskBand(scored.probability[i]!, high),
      ...(c ? { expectedValue: c.expectedValue, contributions: rowContributions(c, frame.rows, i) } : {}),
    })),
  };
}
