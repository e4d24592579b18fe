import { z } from "zod";
import { firstValues, parseLenient, type SearchParamsInput } from "../http/search-params.ts";
import { DATASET_KEY } from "./dataset-label.ts";

// Query strings of /predictions and GET /api/predictions.csv. A GET form sends every field, empty ones as "": those
// mean "no filter", so they are dropped before the schema sees them (as on /data/rejects).

export const RISK_BANDS = ["high", "medium", "low"] as const;
export type RiskBandName = (typeof RISK_BANDS)[number];

export const predictionQuerySchema = z.object({
  dataset: z.string().regex(DATASET_KEY, "a dataset key: elearning, wallet or table:<slug>").optional(),
  run: z.string().uuid("a scoring run id (UUID)").optional(),
  band: z.enum(RISK_BANDS, "high, medium or low").optional(),
  /** part of a customer id (case-insensitive) */
  q: z.string().max(100, "at most 100 characters").optional(),
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
});
export type PredictionQuery = z.infer<typeof predictionQuerySchema>;

const KEYS = ["dataset", "run", "band", "q", "page"] as const;

export type { SearchParamsInput };

/** The first value of each known key, trimmed; empty values left out. */
export function predictionQueryObject(input: SearchParamsInput): Record<string, string> {
  return firstValues(input, KEYS);
}

/** Strict (routes): throws the ZodError, which errorResponse turns into a 400 naming the fields. */
export function parsePredictionQuery(input: SearchParamsInput): PredictionQuery {
  return predictionQuerySchema.parse(predictionQueryObject(input));
}

/** Lenient (the page): invalid fields are dropped and named, the valid ones still apply. */
export function parsePredictionQueryLenient(input: SearchParamsInput): { query: PredictionQuery; issues: string[] } {
  const { value, issues } = parseLenient(predictionQuerySchema, predictionQueryObject(input));
  return { query: value, issues };
}

/** The query string of a view (dataset, run, filters, page), without empty values: links and the CSV keep it. */
export function predictionQueryString(q: Partial<PredictionQuery>, overrides: Partial<Record<(typeof KEYS)[number], string | number | undefined>> = {}): string {
  const params = new URLSearchParams();
  const merged: Record<string, string | number | undefined> = { ...q, ...overrides };
  for (const key of KEYS) {
    const v = merged[key];
    if (v === undefined || v === "" || (key === "page" && Number(v) === 1)) continue;
    params.set(key, String(v));
  }
  return params.toString();
}
