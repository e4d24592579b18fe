import { definePipeline } from "./pipeline-definition.ts";
import { driftParams, driftSteps } from "./drift/drift-steps.ts";

export const DRIFT_ELEARNING = "drift-elearning";

export const driftElearning = definePipeline({
  id: DRIFT_ELEARNING,
  title: "Check e-learning data drift",
  description:
    "Compares the users scored last (current) with the champion's training rows (reference), column by column with Evidently's default tests (KS / chi-square / z-test for small references, normed Wasserstein / Jensen-Shannon above 1000 rows) and PSI on 10 reference-quantile bins; writes monitoring.drift_runs and drift_columns, a self-contained HTML report, emits churnops/drift.detected on WARN/FAIL, and stops as a data gate (CLI exit 2) on FAIL.",
  params: driftParams,
  schedule: "0 6 * * 1",
  concurrencyKey: () => "drift:elearning",
  retries: 1,
  steps: driftSteps(async () => "elearning"),
});
