import { definePipeline } from "./pipeline-definition.ts";
import { psiParams, psiSteps } from "./psi/psi-steps.ts";

export const PSI_CHECK_WALLET = "psi-check-wallet";

export const psiCheckWallet = definePipeline({
  id: PSI_CHECK_WALLET,
  title: "Check wallet data quality (PSI)",
  description:
    "Data-quality PSI check of the buyers' latest weekly snapshot (features.churn_weekly_features of the latest load, no model needed) against a baseline sample frozen by the first run (BASELINE_SHARE); PSI per numeric column, fail at PSI ≥ PSI_THRESHOLD; writes the monitoring tables (check_kind psi-baseline) and an HTML report, and stops as a data gate (CLI exit 2) when any column fails.",
  params: psiParams,
  schedule: "45 4 * * *",
  concurrencyKey: () => "psi:wallet",
  retries: 1,
  steps: psiSteps("wallet"),
});
