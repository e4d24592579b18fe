import { setTimeout as sleep } from "node:timers/promises";
import { runLocally } from "../pipelines/local-executor.ts";
import { getRunDetail, TERMINAL_STATUSES, type RunDetail } from "../pipelines/run-queries.ts";
import { createProgressBar } from "./progress-bar.ts";

/**
 * Takes a started run to its end from the CLI: executes it here (local executor; Ctrl-C cancels it) or waits for
 * Inngest, drawing a progress bar unless quiet. Returns the final run.
 */
export async function followRun(runId: string, executor: "local" | "inngest", quiet: boolean): Promise<RunDetail> {
  const bar = quiet ? null : createProgressBar();
  let finished = false;
  const poll = (async () => {
    while (!finished) {
      const run = await getRunDetail(runId).catch(() => null);
      if (run) {
        bar?.update(run.progress, run.progressMessage);
        if (executor === "inngest" && TERMINAL_STATUSES.includes(run.status)) return;
      }
      await sleep(300);
    }
  })();
  if (executor === "local") {
    const cancel = new AbortController();
    const onSignal = () => cancel.abort();
    process.once("SIGINT", onSignal);
    process.once("SIGTERM", onSignal);
    try {
      await runLocally(runId, { signal: cancel.signal });
    } finally {
      finished = true;
      process.off("SIGINT", onSignal);
      process.off("SIGTERM", onSignal);
    }
  }
  await poll;
  bar?.done();
  return (await getRunDetail(runId))!;
}

/** 0 success, 2 stopped by a data gate, 1 any other failure. */
export function exitCodeOf(run: Pick<RunDetail, "status" | "failureKind"> | null | undefined): number {
  if (run?.status === "succeeded") return 0;
  return run?.failureKind === "data_gate" ? 2 : 1;
}

export type Out = (line: string) => void;
export const stdout: Out = (s) => void process.stdout.write(s.endsWith("\n") ? s : `${s}\n`);

/** The run as JSON, or a few lines: status, each step with its duration and output summary, the error. */
export function printRun(run: RunDetail, json: boolean, out: Out = stdout): void {
  if (json) {
    // `result` is the last step's output: what the run concluded (a training run's models, their test metrics and
    // the promotion decision), so scripts need not dig through steps.
    out(JSON.stringify({ ...run, result: run.steps.at(-1)?.output ?? null }, null, 2));
    return;
  }
  out(`run ${run.id} (${run.pipelineId}) ${run.status}${run.durationMs != null ? ` in ${(run.durationMs / 1000).toFixed(1)} s` : ""}`);
  for (const s of run.steps) {
    out(`  ${s.status.padEnd(9)} ${s.title}${s.durationMs != null ? ` (${(s.durationMs / 1000).toFixed(1)} s)` : ""}${s.output ? `  ${JSON.stringify(s.output).slice(0, 160)}` : ""}`);
  }
  if (run.errorMessage) out(`error: ${run.errorMessage}`);
}
