import { z } from "zod";
import { DATASET_KEY } from "../predictions/dataset-label.ts";

// The query string of /monitoring: which dataset, which column's histogram to draw, and which segment column the
// realised-performance table shows.

const schema = z.object({
  dataset: z.string().regex(DATASET_KEY, "a dataset key: elearning, wallet or table:<slug>").optional(),
  column: z.string().max(300, "at most 300 characters").optional(),
  segment: z.string().max(300, "at most 300 characters").optional(),
});
export type MonitoringQuery = z.infer<typeof schema>;

/** Lenient: an invalid value is dropped and named, the other one still applies. */
export function parseMonitoringQuery(input: Record<string, string | string[] | undefined>): { query: MonitoringQuery; issues: string[] } {
  const query: MonitoringQuery = {};
  const issues: string[] = [];
  for (const key of ["dataset", "column", "segment"] as const) {
    const raw = input[key];
    const value = (Array.isArray(raw) ? raw[0] : raw)?.trim();
    if (!value) continue;
    const parsed = schema.shape[key].safeParse(value);
    if (parsed.success) query[key] = parsed.data;
    else issues.push(`${key}: ${parsed.error.issues[0]?.message ?? "invalid"}`);
  }
  return { query, issues };
}

/** /monitoring?dataset=…&column=…&segment=… without empty values. */
export function monitoringHref(q: MonitoringQuery): string {
  const params = new URLSearchParams();
  if (q.dataset) params.set("dataset", q.dataset);
  if (q.column) params.set("column", q.column);
  if (q.segment) params.set("segment", q.segment);
  const s = params.toString();
  return s ? `/monitoring?${s}` : "/monitoring";
}
