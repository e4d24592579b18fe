import type { z } from "zod";
import type { ChurnopsEvent } from "../events/event-catalog.ts";
import { enqueueEvents } from "../events/outbox.ts";
import type { Json, PipelineDefinition, StepContext, StepRef } from "./pipeline-definition.ts";
import { RunCancelledError, StepOutputError, failureKindOf, outputOfFailure } from "./pipeline-errors.ts";
import { createProgressReporter } from "./progress-reporter.ts";
import { trimEmbeddedWal } from "../db/embedded-wal.ts";
import { heartbeat, isCancelRequested, markStepFinished, markStepStarted, updateProgress } from "./run-store.ts";

/** An event a step wrote to the outbox, as memoised with the step's result (ids make redelivery a no-op). */
export interface EmittedEvent {
  id: string;
  name: string;
  data: Record<string, unknown>;
}

/** What a step execution returns to the executor: its validated output and the events it emitted. */
export interface StepResult {
  output: Json;
  emitted: EmittedEvent[];
}

/** How the executor runs steps and delivers their events. */
export interface StepExecutor {
  /** `(id, fn) => fn()` locally; `step.run` under Inngest (retries, memoisation by id). */
  runStep(id: string, fn: () => Promise<StepResult>): Promise<StepResult>;
  /** Delivers a finished step's events: the local dispatcher, or step.sendEvent under Inngest. */
  deliver(stepId: string, events: readonly EmittedEvent[]): Promise<void>;
}

const neverAborted = new AbortController().signal;

// While a step runs, its process writes a heartbeat (the sweeper fails runs without one) and learns about cancels.
const HEARTBEAT_MS = 1000;

function watchRun(runId: string, controller: AbortController): () => void {
  let beating = false;
  const timer = setInterval(() => {
    if (beating) return;
    beating = true;
    heartbeat(runId)
      .then(({ cancelRequested }) => cancelRequested && controller.abort())
      .catch(() => {}) // a missed beat is not fatal; the sweeper's deadline is minutes
      .finally(() => (beating = false));
  }, HEARTBEAT_MS);
  timer.unref();
  return () => clearInterval(timer);
}

function validateOutput(step: StepRef, value: unknown): Json {
  const parsed = step.output.safeParse(value);
  if (!parsed.success) throw new StepOutputError(step.id, parsed.error.issues);
  return parsed.data as Json;
}

/**
 * Runs the steps of a pipeline in order, writing step rows, heartbeats and progress. Executor-neutral: run claiming
 * and the final status are the executor's job. A step's output is validated against its schema; later steps read
 * it typed through `ctx.output(step)`. Returns the outputs of every step by id.
 */
export async function executePipeline(
  def: PipelineDefinition,
  runId: string,
  params: unknown,
  executor: StepExecutor,
  signal: AbortSignal = neverAborted,
): Promise<Record<string, Json>> {
  const outputs: Record<string, Json> = {};
  const total = def.steps.length;
  const output = <O extends z.ZodType>(ref: StepRef<O>): z.infer<O> => {
    if (!(ref.id in outputs)) throw new Error(`step "${ref.id}" has no output in this run (it has not run before this step)`);
    // Under Inngest the value comes back from memoised JSON: it is checked again on the way in.
    const parsed = ref.output.safeParse(outputs[ref.id]);
    if (!parsed.success) throw new StepOutputError(ref.id, parsed.error.issues);
    return parsed.data as z.infer<O>;
  };
  for (const [index, step] of def.steps.entries()) {
    // Between steps the database is the source of truth for cancels, whichever executor runs us.
    if (signal.aborted || (await isCancelRequested(runId))) throw new RunCancelledError();
    const result = await executor.runStep(step.id, async () => {
      await markStepStarted(runId, step.id);
      const controller = new AbortController();
      const forward = () => controller.abort();
      signal.addEventListener("abort", forward, { once: true });
      const stopWatching = watchRun(runId, controller);
      const reporter = createProgressReporter((f, message) =>
        updateProgress(runId, (index + f) / total, message ? `${step.title}: ${message}` : step.title),
      );
      const emitted: EmittedEvent[] = [];
      const ctx: StepContext<unknown> = {
        runId,
        params,
        output,
        signal: controller.signal,
        progress: (f, message) => reporter.report(f, message),
        async emit(events, client) {
          const list = (Array.isArray(events) ? events : [events]) as ChurnopsEvent[];
          const ids = await enqueueEvents(list, { runId, client });
          list.forEach((e, i) => emitted.push({ id: ids[i], name: e.name, data: e.data as Record<string, unknown> }));
        },
      };
      reporter.report(0);
      try {
        const value = validateOutput(step, await step.run(ctx));
        await reporter.flush();
        await markStepFinished(runId, step.id, { status: "succeeded", output: value });
        return { output: value, emitted };
      } catch (e) {
        await reporter.flush();
        const cancelled = failureKindOf(e) === "cancelled" || controller.signal.aborted;
        await markStepFinished(runId, step.id, {
          status: cancelled ? "cancelled" : "failed",
          error: e instanceof Error ? e.message : String(e),
          output: (outputOfFailure(e) as Json | undefined) ?? null,
        });
        throw cancelled && !(e instanceof RunCancelledError) ? new RunCancelledError() : e;
      } finally {
        stopWatching();
        signal.removeEventListener("abort", forward);
        await trimEmbeddedWal();
      }
    });
    outputs[step.id] = result.output;
    if (result.emitted.length) await executor.deliver(step.id, result.emitted);
  }
  return outputs;
}
