import { firstValues, parseLenient, type SearchParamsInput } from "../http/search-params.ts";
import { rejectFilterSchema, type RejectFilter } from "../quality/quality-queries.ts";
import { REJECT_FILTER_KEYS } from "./rejects-href.ts";

export { REJECT_FILTER_KEYS, rejectFilterQuery, rejectsHref } from "./rejects-href.ts";

// Query strings of /data/rejects, GET /api/rejects and GET /api/rejects.csv. A GET form sends every field, empty
// ones as "": those mean "no filter", so they are dropped before rejectFilterSchema sees them.

const KEYS = [...REJECT_FILTER_KEYS, "page", "pageSize"] as const;

export type { SearchParamsInput };

/** The query as the schema expects it: first value of each known key, trimmed, empty values left out. */
export function rejectQueryObject(input: SearchParamsInput): Record<string, string> {
  return firstValues(input, KEYS);
}

/** Strict: throws the ZodError (-> 400 with the fields) on a bad value. For the routes. */
export function parseRejectQuery(input: SearchParamsInput): RejectFilter {
  return rejectFilterSchema.parse(rejectQueryObject(input));
}

/** Lenient, for the page: invalid fields are left out and reported as "field: message". */
export function parseRejectQueryLenient(query: Record<string, string>): { filter: RejectFilter; issues: string[] } {
  const { value, issues } = parseLenient(rejectFilterSchema, query);
  return { filter: value, issues };
}
