import { definePipeline } from "./pipeline-definition.ts";
import { driftParams, driftSteps } from "./drift/drift-steps.ts";

export const DRIFT_WALLET = "drift-wallet";

export const driftWallet = definePipeline({
  id: DRIFT_WALLET,
  title: "Check wallet data drift",
  description:
    "Compares the buyers scored last (the latest weekly snapshot) with the champion's training rows (its last 8 weekly snapshots), column by column with Evidently's default tests and PSI; writes the monitoring tables and an HTML report, emits churnops/drift.detected on WARN/FAIL, and stops as a data gate (CLI exit 2) on FAIL.",
  params: driftParams,
  schedule: "30 6 * * 1",
  concurrencyKey: () => "drift:wallet",
  retries: 1,
  steps: driftSteps(async () => "wallet"),
});
