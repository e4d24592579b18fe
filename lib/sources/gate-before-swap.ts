import { runDataGate, type GateSummary } from "../quality/data-gate.ts";
import type { ExpectationSuite } from "../quality/expectation-types.ts";
import type { StagedLoad } from "./replace-tables-from-csv.ts";

/**
 * The data gate as a load's `validate`: it runs the suites on the staged tables, before they replace raw.*, so a
 * failed gate (DataGateError) leaves raw.* exactly as it was while its dq runs and rejects are recorded. The load
 * step returns `summary()` as its `gate` output for the steps after it (staging reads the dq run ids).
 */
export function gateBeforeSwap(suites: readonly ExpectationSuite[], runId: string | null) {
  let summary: GateSummary | undefined;
  return {
    async validate(staged: StagedLoad): Promise<void> {
      summary = await runDataGate(suites, runId, staged);
    },
    summary(): GateSummary {
      if (!summary) throw new Error("the data gate did not run on this load");
      return summary;
    },
  };
}
