import type { PipelineDefinition, Json } from "./pipeline-definition.ts";
import { RunCancelledError, failureKindOf } from "./pipeline-errors.ts";
import { createProgressReporter } from "./progress-reporter.ts";
import { isCancelRequested, markStepFinished, markStepStarted, updateProgress } from "./run-store.ts";

/** How a step is executed: `(id, fn) => fn()` locally, `step.run` under Inngest (retries, memoisation). */
export type RunStep = (id: string, fn: () => Promise<Json>) => Promise<Json>;

const neverAborted = new AbortController().signal;

/**
 * Runs the steps of a pipeline in order, writing step rows and progress. Executor-neutral: run claiming and the
 * final status are the executor's job. Returns the outputs of every step by id.
 */
export async function executePipeline(
  def: PipelineDefinition,
  runId: string,
  params: unknown,
  runStep: RunStep,
  signal: AbortSignal = neverAborted,
): Promise<Record<string, Json>> {
  const outputs: Record<string, Json> = {};
  const total = def.steps.length;
  for (const [index, step] of def.steps.entries()) {
    // Between steps the database is the source of truth for cancels, whichever executor runs us.
    if (signal.aborted || (await isCancelRequested(runId))) throw new RunCancelledError();
    outputs[step.id] = await runStep(step.id, async () => {
      await markStepStarted(runId, step.id);
      const reporter = createProgressReporter((f, message) =>
        updateProgress(runId, (index + f) / total, message ? `${step.title}: ${message}` : step.title),
      );
      reporter.report(0);
      try {
        const output = await step.run({
          runId,
          params,
          outputs: { ...outputs },
          signal,
          progress: (f, message) => reporter.report(f, message),
        });
        await reporter.flush();
        await markStepFinished(runId, step.id, { status: "succeeded", output });
        return output;
      } catch (e) {
        await reporter.flush();
        const cancelled = failureKindOf(e) === "cancelled" || signal.aborted;
        await markStepFinished(runId, step.id, {
          status: cancelled ? "cancelled" : "failed",
          error: e instanceof Error ? e.message : String(e),
        });
        throw cancelled && !(e instanceof RunCancelledError) ? new RunCancelledError() : e;
      }
    });
  }
  return outputs;
}
