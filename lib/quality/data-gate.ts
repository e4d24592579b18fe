import { DataGateError } from "../pipelines/pipeline-errors.ts";
import type { ExpectationSuite, SuiteResult } from "./expectation-types.ts";
import { runSuite } from "./run-suite.ts";

export interface GateSummary {
  dqRunIds: string[];
  suites: { suite: string; status: SuiteResult["status"]; rowCount: number; rejectedRows: number; failed: string[]; warned: string[]; dqRunId: string }[];
}

const pct = (x: number) => `${x.toFixed(x < 1 ? 2 : 1)}%`;

/**
 * Runs the suites in order and stops the pipeline (DataGateError, CLI exit 2) when a fail-severity expectation
 * misses its `mostly`. Called before anything downstream of raw.* changes.
 */
export async function runDataGate(suites: readonly ExpectationSuite[], runId: string | null): Promise<GateSummary> {
  const summary: GateSummary = { dqRunIds: [], suites: [] };
  const failures: string[] = [];
  for (const suite of suites) {
    const result = await runSuite(suite, { runId });
    summary.dqRunIds.push(result.dqRunId);
    const describe = (r: SuiteResult["results"][number]) =>
      `${r.reasonCode} (${r.id}: ${typeof r.observedValue === "string" ? r.observedValue : `${pct(r.unexpectedPercent)} unexpected`}, mostly ${r.mostly})`;
    const failed = result.results.filter((r) => !r.success && r.severity === "fail").map(describe);
    const warned = result.results.filter((r) => !r.success && r.severity === "warn").map(describe);
    summary.suites.push({ suite: suite.name, status: result.status, rowCount: result.rowCount, rejectedRows: result.rejectedRows, failed, warned, dqRunId: result.dqRunId });
    if (failed.length) failures.push(`${suite.name}: ${failed.join("; ")}`);
  }
  if (failures.length) {
    throw new DataGateError(
      `Data gate failed: ${failures.join(" | ")}. Nothing downstream was changed. To fix: correct the source files (rejected rows with reasons are on /data/rejects) and run again.`,
      summary,
    );
  }
  return summary;
}
