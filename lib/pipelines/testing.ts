// Test support (imported by *.int.test.ts only): run a pipeline to the end in this process, as the CLI does.
import { runLocally } from "./local-executor.ts";
import { getRunDetail, type RunDetail } from "./run-queries.ts";
import { startRun } from "./start-run.ts";

/**
 * Starts `pipelineId` and runs it inline. Throws with the run's error unless it ends as `expected`: "succeeded"
 * (default), "failed", or "finished" (succeeded or stopped by a data gate).
 */
export async function runInline(pipelineId: string, params: Record<string, unknown>, expected: "succeeded" | "failed" | "finished" = "succeeded"): Promise<RunDetail> {
  const { runId } = await startRun(pipelineId, params, "cli", "inline");
  await runLocally(runId);
  const detail = (await getRunDetail(runId))!;
  const ok = expected === "finished" ? detail.status === "succeeded" || detail.failureKind === "data_gate" : detail.status === expected;
  if (!ok) throw new Error(`${pipelineId} ${detail.status}: ${detail.errorMessage}\n${detail.errorStack ?? ""}`);
  return detail;
}
