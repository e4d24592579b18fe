import "server-only";
import { getEnv } from "../env.ts";
import { errorMessage } from "../errors.ts";
import { customerFeatureRow } from "../features/customer-feature-row.ts";
import type { FeatureSchema } from "../ml/preprocess/preprocessor-json.ts";
import { listModels } from "../registry/queries.ts";
import { isoDay, medianValues, rowToValues, valuesToRow, fieldSpecs } from "../ui/predict/feature-fields.ts";
import type { ResultView } from "../ui/predict/prediction-result.tsx";
import { predictRows } from "./predict-rows.ts";
import { cachedPredictor } from "./predictor-cache.ts";
import { resolvedVersion } from "./resolved-versions.ts";
import { riskBandBounds } from "./risk-band.ts";

const DAY_MS = 86_400_000;

export interface WhatIfModelChoice {
  name: string;
  dataset: string;
  champion: number;
}

export type WhatIfPageData =
  /** no champion can score yet: the page offers the heuristic; `problems` says why champions that exist cannot score */
  | { kind: "none"; thresholds: { medium: number; high: number }; problems: string[] }
  | {
      kind: "model";
      thresholds: { medium: number; high: number };
      models: WhatIfModelChoice[];
      model: WhatIfModelChoice & { version: number; family: string };
      /** null when the champion cannot score (then `problem` says why) */
      features: FeatureSchema[] | null;
      problem: string | null;
      values: Record<string, string>;
      startedFrom: string;
      /** the customer id asked for, and what happened */
      lookup: { id: string; message: string | null; found: boolean } | null;
      initialResult: ResultView | null;
      today: number;
    };

/**
 * Everything /predict renders: the models with a champion (the chosen one, default the first by name that can
 * score; when none can, the page falls back to the heuristic), its feature schema, the starting values (a looked-up customer's latest feature row, else the training medians) and the
 * prediction for them, computed here so the page shows a number before any JavaScript runs.
 */
export async function whatIfPageData(params: { model?: string; customer?: string }, now = Date.now()): Promise<WhatIfPageData> {
  const thresholds = riskBandBounds(getEnv().CHURNOPS_HIGH_RISK_THRESHOLD);
  const models: WhatIfModelChoice[] = (await listModels()).filter((m) => m.champion).map((m) => ({ name: m.name, dataset: m.dataset, champion: m.champion!.version }));
  const today = Math.floor(now / DAY_MS);
  const base = { kind: "model" as const, thresholds, models, today };
  // The model asked for, else the first (by name) whose champion can score; none → the heuristic.
  const asked = models.find((m) => m.name === params.model);
  const problems: string[] = [];
  let chosen: WhatIfModelChoice | undefined;
  let features: FeatureSchema[] = [];
  let version = { version: 0, family: "" };
  for (const m of asked ? [asked] : models) {
    try {
      const ref = await resolvedVersion({ model: m.name });
      const predictor = await cachedPredictor(ref);
      chosen = m;
      features = predictor.schema.map((f) => ({ ...f }));
      version = { version: ref.version, family: ref.family };
      break;
    } catch (e) {
      if (asked) return { ...base, model: { ...m, version: m.champion, family: "" }, features: null, problem: errorMessage(e), values: {}, startedFrom: "", lookup: null, initialResult: null };
      problems.push(errorMessage(e));
    }
  }
  if (!chosen) return { kind: "none", thresholds, problems };
  let values = medianValues(features, today);
  let startedFrom = "the training medians (most frequent category for categories)";
  let lookup: { id: string; message: string | null; found: boolean } | null = null;
  const id = params.customer?.trim();
  if (id) {
    try {
      const found = await customerFeatureRow(chosen.dataset, id, features);
      if (found) {
        values = rowToValues(features, found.row);
        startedFrom = `customer ${id} (${found.source}${found.asOf ? ` ${found.asOf}` : ""})`;
        lookup = { id, message: null, found: true };
      } else {
        lookup = { id, message: `No customer ${id} in ${chosen.dataset}: showing the training medians instead.`, found: false };
      }
    } catch (e) {
      lookup = { id, message: errorMessage(e), found: false };
    }
  }
  let initialResult: ResultView | null = null;
  const { row, errors } = valuesToRow(fieldSpecs(features, today), values);
  if (Object.keys(errors).length === 0) {
    try {
      const scored = await predictRows({ model: chosen.name, version: version.version, row, contributions: true, asOf: isoDay(today) });
      const p = scored.predictions[0]!;
      initialResult = { probability: p.probability, riskBand: p.riskBand, expectedValue: p.expectedValue!, contributions: p.contributions! };
    } catch {
      // the form asks again from the browser and shows the error there
    }
  }
  return { ...base, model: { ...chosen, ...version }, features, problem: null, values, startedFrom, lookup, initialResult };
}
