import { definePipeline } from "./pipeline-definition.ts";
import { psiParams, psiSteps } from "./psi/psi-steps.ts";

export const PSI_CHECK_ELEARNING = "psi-check-elearning";

export const psiCheckElearning = definePipeline({
  id: PSI_CHECK_ELEARNING,
  title: "Check e-learning data quality (PSI)",
  description:
    "Data-quality PSI check of the users' latest day of features (features.elearning_user_day of the latest load, no model needed): the first run freezes a deterministic BASELINE_SHARE sample (monitoring.psi_baselines + baselines/psi/elearning/<run>.json, never changed; rebaseline=true freezes a new one); every run computes PSI per numeric column against it, fails a column at PSI ≥ PSI_THRESHOLD, writes monitoring.drift_runs / drift_columns (check_kind psi-baseline) and reports/psi/elearning/<date>/<run>.html, and stops as a data gate (CLI exit 2) when any column fails.",
  params: psiParams,
  schedule: "30 4 * * *",
  concurrencyKey: () => "psi:elearning",
  retries: 1,
  steps: psiSteps("elearning"),
});
