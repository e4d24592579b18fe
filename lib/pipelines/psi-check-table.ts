import { z } from "zod";
import { definePipeline } from "./pipeline-definition.ts";
import { psiParams, psiSteps } from "./psi/psi-steps.ts";
import { emptyAsUndefined } from "./train/training-snapshots.ts";

export const PSI_CHECK_TABLE = "psi-check-table";

const params = psiParams.omit({ sourceRunId: true }).extend({
  dataset: z
    .preprocess(emptyAsUndefined, z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, "a dataset slug (lower-case letters, digits, - and _)").optional())
    .describe("Dataset to check, by slug (default: the most recently loaded dataset)"),
});

export const psiCheckTable = definePipeline({
  id: PSI_CHECK_TABLE,
  title: "Check an uploaded table's data quality (PSI)",
  description:
    "Data-quality PSI check of a tabular dataset's latest loaded rows (its load snapshot, no model needed) against a baseline sample frozen by the first run (BASELINE_SHARE); PSI per numeric column, fail at PSI ≥ PSI_THRESHOLD; writes the monitoring tables (check_kind psi-baseline) and an HTML report, and stops as a data gate (CLI exit 2) when any column fails.",
  params,
  schedule: "0 5 * * *",
  concurrencyKey: () => "psi:table",
  retries: 1,
  steps: psiSteps("table"),
});
