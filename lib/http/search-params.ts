import type { z } from "zod";

// Query strings of the pages and CSV routes that filter tables. A GET form sends every field, empty ones as "":
// those mean "no filter", so they are dropped before a schema sees them.

export type SearchParamsInput = URLSearchParams | Record<string, string | string[] | undefined>;

/** The first value of each of `keys`, trimmed; empty values left out. Works on URLSearchParams and Next's searchParams. */
export function firstValues(input: SearchParamsInput, keys: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of keys) {
    const raw = input instanceof URLSearchParams ? input.get(key) : input[key];
    const first = Array.isArray(raw) ? raw[0] : raw;
    const value = first?.trim();
    if (value) out[key] = value;
  }
  return out;
}

/**
 * Lenient parsing, for pages: fields the schema rejects are left out (the others still apply) and reported as
 * "field: message", so the page can say what it ignored instead of failing. Routes parse strictly (a 400).
 */
export function parseLenient<S extends z.ZodType<object>>(schema: S, raw: Record<string, string>): { value: z.infer<S>; issues: string[] } {
  const first = schema.safeParse(raw);
  if (first.success) return { value: first.data, issues: [] };
  const issues = first.error.issues.map((i) => `${i.path.join(".") || "query"}: ${i.message}`);
  const bad = new Set(first.error.issues.map((i) => String(i.path[0])));
  const second = schema.safeParse(Object.fromEntries(Object.entries(raw).filter(([k]) => !bad.has(k))));
  return { value: second.success ? second.data : schema.parse({}), issues };
}
