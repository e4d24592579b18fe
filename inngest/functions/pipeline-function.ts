import { NonRetriableError } from "inngest";
import { errorMessage } from "../../lib/errors.ts";
import { pipelineRequestedData } from "../../lib/events/event-catalog.ts";
import { markEventSent } from "../../lib/events/outbox.ts";
import { executePipeline, type StepExecutor, type StepResult } from "../../lib/pipelines/execute-pipeline.ts";
import type { Json, PipelineDefinition } from "../../lib/pipelines/pipeline-definition.ts";
import { failureKindOf } from "../../lib/pipelines/pipeline-errors.ts";
import { claimRun, finishRun, getRunRef, holderOfKey } from "../../lib/pipelines/run-store.ts";
import { createInngestRun } from "../../lib/pipelines/start-run.ts";
import { inngest } from "../client.ts";
import { pipelineRequested } from "../events.ts";

export interface StartPolicy {
  /** How long a run waits for its concurrency key when a run outside Inngest's own limit (a local one) holds it. */
  keyWait: { interval: string | null; attempts: number };
  /** How often a start that failed (e.g. the database was unreachable) is tried again before the run is failed. */
  startRetry: { interval: string | null; attempts: number };
}

/** interval null: claim again at once (@inngest/test 1.0 cannot run step.sleep inside execute()). */
export const DEFAULT_START_POLICY: StartPolicy = { keyWait: { interval: "15s", attempts: 40 }, startRetry: { interval: "20s", attempts: 5 } };

type StartResult = { runId: string | null; state: "claimed" | "busy" | "skip" | "error"; params: Json; holder?: string | null; message?: string };

/**
 * Claims the run row (creating it for a request sent by hand without one). Never throws: a failure is a result, so
 * the function can retry it and, in the end, record it on the run row instead of leaving the run "queued".
 */
async function claim(def: PipelineDefinition, data: { runId?: string; params?: Record<string, unknown> }): Promise<StartResult> {
  let runId = data.runId ?? null;
  try {
    runId ??= (await createInngestRun(def.id, data.params ?? {}, "event")).runId;
    const result = await claimRun(runId, null);
    const run = await getRunRef(runId);
    if (!run) return { runId: null, state: "skip", params: {}, message: `run ${runId} does not exist` };
    if (result === "busy") return { runId, state: "busy", params: run.params, holder: await holderOfKey(runId) };
    return { runId, state: result === "claimed" ? "claimed" : "skip", params: run.params };
  } catch (e) {
    return { runId, state: "error", params: {}, message: errorMessage(e) };
  }
}

/**
 * One Inngest function per pipeline definition. Runs that share a concurrency key never overlap, across pipelines
 * (Inngest's limit is keyed on it with environment scope, and the database claim covers runs outside Inngest). A
 * start that cannot happen is recorded on the run row, never left "queued". Cancels arrive through the database
 * (the step heartbeat), so the run shows "cancelling" until its step has really stopped.
 */
export function createPipelineFunction(def: PipelineDefinition, policy: StartPolicy = DEFAULT_START_POLICY) {
  const { keyWait, startRetry } = policy;
  return inngest.createFunction(
    {
      id: `pipeline-${def.id}`,
      name: def.title,
      retries: def.retries ?? 2,
      triggers: [pipelineRequested(def.id)],
      concurrency: [{ limit: 1, key: "event.data.concurrencyKey", scope: "env" }],
      // Also when the function fails outside our own handling (e.g. the database was down for every retry).
      onFailure: async ({ event, error }) => {
        const runId = pipelineRequestedData.safeParse(event.data.event.data).data?.runId;
        if (runId) await finishRun(runId, { status: "failed", failureKind: "error", message: `The Inngest function failed: ${error.message}` });
      },
    },
    async ({ event, step }) => {
      const data = pipelineRequestedData.parse(event.data ?? {});
      let start = await step.run("churnops-start-run", () => claim(def, data));
      for (let waits = 0, errors = 0; ; ) {
        if (start.state === "busy" && waits < keyWait.attempts) {
          if (keyWait.interval) await step.sleep(`churnops-wait-for-key-${waits}`, keyWait.interval);
          waits++;
        } else if (start.state === "error" && errors < startRetry.attempts) {
          if (startRetry.interval) await step.sleep(`churnops-retry-start-${errors}`, startRetry.interval);
          errors++;
        } else break;
        start = await step.run(`churnops-claim-${waits}-${errors}`, () => claim(def, { ...data, runId: start.runId ?? data.runId }));
      }
      if (start.state === "skip") return { runId: start.runId, skipped: true, reason: start.message ?? null };
      if (start.state !== "claimed" || !start.runId) {
        const message =
          start.state === "busy"
            ? `The run could not start: run ${start.holder ?? "(unknown)"} held its concurrency key through ${keyWait.attempts} attempts ${keyWait.interval ? `${keyWait.interval} apart` : ""}. To fix: start it again when that run has finished.`
            : `The run could not start: ${start.message}. To fix: check that the database is reachable from the worker, then start it again.`;
        const failedRunId = start.runId ?? data.runId;
        // If even this write fails, Inngest retries the step, then onFailure, then the sweeper.
        if (failedRunId) await step.run("churnops-start-failed", () => finishRun(failedRunId, { status: "failed", failureKind: "error", message }));
        return { runId: failedRunId ?? null, skipped: true, reason: message };
      }
      const runId = start.runId;
      const executor: StepExecutor = {
        runStep: (id, fn) => step.run(id, fn) as Promise<StepResult>,
        async deliver(stepId, events) {
          await step.sendEvent(`churnops-emit-${stepId}`, events.map((e) => ({ id: e.id, name: e.name, data: e.data })));
          await step.run(`churnops-emitted-${stepId}`, () => Promise.all(events.map((e) => markEventSent(e.id, "inngest"))));
        },
      };
      try {
        const outputs = await executePipeline(def, runId, def.params.parse(start.params), executor);
        await step.run("churnops-finish-run", () => finishRun(runId, { status: "succeeded", summary: outputs }));
        return { runId, outputs };
      } catch (e) {
        const failureKind = failureKindOf(e);
        const message = errorMessage(e);
        await step.run("churnops-fail-run", () =>
          finishRun(runId, { status: failureKind === "cancelled" ? "cancelled" : "failed", failureKind, message, stack: e instanceof Error ? e.stack : undefined }),
        );
        // Retrying cannot fix a cancel or a failed data gate; every other error was already retried per step.
        throw new NonRetriableError(message, { cause: e });
      }
    },
  );
}
