import { rejectFilterSchema, type RejectFilter } from "../quality/quality-queries.ts";
import { REJECT_FILTER_KEYS } from "./rejects-href.ts";

export { REJECT_FILTER_KEYS, rejectFilterQuery, rejectsHref } from "./rejects-href.ts";

// Query strings of /data/rejects, GET /api/rejects and GET /api/rejects.csv. A GET form sends every field, empty
// ones as "": those mean "no filter", so they are dropped before rejectFilterSchema sees them.

const KEYS = [...REJECT_FILTER_KEYS, "page", "pageSize"] as const;

export type SearchParamsInput = URLSearchParams | Record<string, string | string[] | undefined>;

/** The query as the schema expects it: first value of each known key, trimmed, empty values left out. */
export function rejectQueryObject(input: SearchParamsInput): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of KEYS) {
    const raw = input instanceof URLSearchParams ? input.get(key) : input[key];
    const first = Array.isArray(raw) ? raw[0] : raw;
    const value = first?.trim();
    if (value) out[key] = value;
  }
  return out;
}

/** Strict: throws the ZodError (-> 400 with the fields) on a bad value. For the routes. */
export function parseRejectQuery(input: SearchParamsInput): RejectFilter {
  return rejectFilterSchema.parse(rejectQueryObject(input));
}

/**
 * Lenient, for the page: invalid fields are left out (the others still apply) and reported as
 * "field: message" so the page can say what was ignored.
 */
export function parseRejectQueryLenient(query: Record<string, string>): { filter: RejectFilter; issues: string[] } {
  const first = rejectFilterSchema.safeParse(query);
  if (first.success) return { filter: first.data, issues: [] };
  const issues = first.error.issues.map((i) => `${i.path.join(".") || "query"}: ${i.message}`);
  const bad = new Set(first.error.issues.map((i) => String(i.path[0])));
  const rest = Object.fromEntries(Object.entries(query).filter(([k]) => !bad.has(k)));
  const second = rejectFilterSchema.safeParse(rest);
  return { filter: second.success ? second.data : rejectFilterSchema.parse({}), issues };
}
