import { z } from "zod";

// Output schemas shared by several pipelines' steps. A step's output is a small JSON summary: these say its shape.

/** Any JSON object (for summaries whose shape belongs to another room, e.g. a staging build's counts). */
export const jsonObject = z.record(z.string(), z.json());

/** What a raw-table load reports: one entry per file, and rows per table. */
export const loadedFilesOutput = z.object({
  files: z.array(
    z.object({
      name: z.string(),
      table: z.string(),
      rows: z.number().int().nonnegative(),
      bytes: z.number().int().nonnegative(),
      sha256: z.string().regex(/^[0-9a-f]{64}$/, "a hex sha256"),
      durationMs: z.number().nonnegative(),
    }),
  ),
  rows: z.record(z.string(), z.number().int().nonnegative()),
});

/** The data gate's result: one entry per suite (its dq run, status, failed and warned expectations). */
export const gateSummaryOutput = z.object({
  dqRunIds: z.array(z.string().uuid()),
  suites: z.array(
    z.object({
      suite: z.string(),
      status: z.enum(["passed", "warned", "failed"]),
      rowCount: z.number().int().nonnegative(),
      rejectedRows: z.number().int().nonnegative(),
      failed: z.array(z.string()),
      warned: z.array(z.string()),
      dqRunId: z.string().uuid(),
    }),
  ),
});

/** A plain object as JSON (what a step may return): dates become strings, undefined fields disappear. */
export function toJsonObject(value: object): z.infer<typeof jsonObject> {
  return jsonObject.parse(JSON.parse(JSON.stringify(value)));
}
