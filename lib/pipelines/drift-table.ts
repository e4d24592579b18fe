import { z } from "zod";
import { AppError } from "../errors.ts";
import { query } from "../db/sql.ts";
import { definePipeline } from "./pipeline-definition.ts";
import { driftParams, driftSteps } from "./drift/drift-steps.ts";

export const DRIFT_TABLE = "drift-table";

const params = driftParams.extend({
  dataset: z
    .preprocess((v) => (v === "" ? undefined : v), z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, "a dataset slug (lower-case letters, digits, - and _)").optional())
    .describe("Dataset to check, by slug (default: the most recently scored table)"),
});

async function tableDataset(p: z.infer<typeof params>): Promise<string> {
  if (p.dataset) return `table:${p.dataset}`;
  const [row] = await query<{ dataset: string }>("SELECT dataset FROM monitoring.scoring_runs WHERE dataset LIKE 'table:%' ORDER BY created_at DESC LIMIT 1");
  if (!row) throw new AppError("NOT_FOUND", "No uploaded table has been scored yet. To fix: run score-table first, then check drift.", 404);
  return row.dataset;
}

export const driftTable = definePipeline({
  id: DRIFT_TABLE,
  title: "Check an uploaded table's drift",
  description:
    "Compares the rows of a tabular dataset scored last with its champion's training rows, column by column with Evidently's default tests and PSI; writes the monitoring tables and an HTML report, emits churnops/drift.detected on WARN/FAIL, and stops as a data gate (CLI exit 2) on FAIL.",
  params,
  schedule: "0 7 * * 1",
  concurrencyKey: () => "drift:table",
  retries: 1,
  steps: driftSteps((p) => tableDataset(p as z.infer<typeof params>)),
});
