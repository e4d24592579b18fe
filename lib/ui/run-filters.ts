import { z } from "zod";
import { RUN_STATUSES } from "./run-status.ts";

// Query-string filters of the runs list, shared by /runs, GET /api/runs and GET /api/runs.csv.

/** Query values arrive as string | string[] | undefined; "" (the "All" option) means "no filter". */
const single = (v: unknown) => {
  const first = Array.isArray(v) ? v[0] : v;
  return first === "" ? undefined : first;
};

export const runFilterSchema = z.object({
  pipelineId: z.preprocess(single, z.string().max(100).regex(/^[a-z0-9-]+$/, "pipeline ids are lowercase letters, digits and -").optional()),
  status: z.preprocess(single, z.enum(RUN_STATUSES).optional()),
  page: z.preprocess(single, z.coerce.number().int().min(1).max(100_000).default(1)),
  pageSize: z.preprocess(single, z.coerce.number().int().min(1).max(200).default(25)),
});

export type RunFilterInput = z.infer<typeof runFilterSchema>;

/** Query string of the filters (without page/pageSize), for links that keep them. */
export function filterQuery(filter: { pipelineId?: string; status?: string }, extra: Record<string, string | number> = {}): string {
  const q = new URLSearchParams();
  if (filter.pipelineId) q.set("pipelineId", filter.pipelineId);
  if (filter.status) q.set("status", filter.status);
  for (const [k, v] of Object.entries(extra)) q.set(k, String(v));
  return q.toString();
}

/** URLSearchParams -> the plain object the schema expects. */
export function queryObject(params: URLSearchParams): Record<string, string> {
  return Object.fromEntries(params.entries());
}
