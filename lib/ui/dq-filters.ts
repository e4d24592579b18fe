import { z } from "zod";

// Query-string filters of the validation runs list, shared by /data/quality and GET /api/dq-runs.

/** Query values arrive as string | string[] | undefined; "" (the "All" option) means "no filter". */
const single = (v: unknown) => {
  const first = Array.isArray(v) ? v[0] : v;
  const text = typeof first === "string" ? first.trim() : first;
  return text === "" ? undefined : text;
};

export const dqRunFilterSchema = z.object({
  source: z.preprocess(single, z.string().max(100).optional()),
  suite: z.preprocess(single, z.string().max(200).optional()),
  page: z.preprocess(single, z.coerce.number().int().min(1).max(100_000).default(1)),
  pageSize: z.preprocess(single, z.coerce.number().int().min(1).max(200).default(25)),
});

export type DqRunFilter = z.infer<typeof dqRunFilterSchema>;

/** Query string of the filters (without page/pageSize), plus `extra`, for links that keep them. */
export function dqFilterQuery(filter: { source?: string; suite?: string }, extra: Record<string, string | number> = {}): string {
  const q = new URLSearchParams();
  if (filter.source) q.set("source", filter.source);
  if (filter.suite) q.set("suite", filter.suite);
  for (const [k, v] of Object.entries(extra)) q.set(k, String(v));
  return q.toString();
}

/** Sorted distinct values, plus the current one so a select can always show what is applied. */
export function optionList(values: Iterable<string>, current?: string): string[] {
  const set = new Set(values);
  if (current) set.add(current);
  return [...set].sort((a, b) => a.localeCompare(b));
}
