import { NonRetriableError } from "inngest";
import { executePipeline } from "../../lib/pipelines/execute-pipeline.ts";
import { concurrencyKeyOf, type Json, type PipelineDefinition } from "../../lib/pipelines/pipeline-definition.ts";
import { DataGateError, RunCancelledError, failureKindOf } from "../../lib/pipelines/pipeline-errors.ts";
import { claimRun, createRun, finishRun, getRunRef } from "../../lib/pipelines/run-store.ts";
import { inngest } from "../client.ts";
import { pipelineRequestedEvent, RUN_CANCEL_REQUESTED, type PipelineRequestedData } from "../events.ts";

/** Starts (or, for cron triggers, creates) the run row and claims it; Inngest retries it while the key is busy. */
async function startRun(def: PipelineDefinition, data: PipelineRequestedData) {
  let runId = data.runId;
  if (!runId) {
    const params = def.params.parse(data.params ?? {}) as Json;
    runId = await createRun({ pipelineId: def.id, params, trigger: "schedule", executor: "inngest", concurrencyKey: concurrencyKeyOf(def, params), steps: def.steps });
  }
  const claim = await claimRun(runId, null);
  if (claim === "busy") throw new Error("another run with the same concurrency key is running; retrying later");
  const run = await getRunRef(runId);
  return { runId, skip: claim === "not-queued", params: (run?.params ?? {}) as Json };
}

/** One Inngest function per pipeline definition: event + optional cron trigger, per-key concurrency, cancel. */
export function createPipelineFunction(def: PipelineDefinition) {
  return inngest.createFunction(
    {
      id: `pipeline-${def.id}`,
      name: def.title,
      retries: def.retries ?? 2,
      triggers: [{ event: pipelineRequestedEvent(def.id) }, ...(def.schedule ? [{ cron: def.schedule }] : [])],
      concurrency: [{ limit: 1, key: "event.data.concurrencyKey" }],
      cancelOn: [{ event: RUN_CANCEL_REQUESTED, if: "async.data.runId == event.data.runId" }],
    },
    async ({ event, step }) => {
      const start = await step.run("churnops-start-run", () => startRun(def, (event.data ?? {}) as PipelineRequestedData));
      if (start.skip) return { runId: start.runId, skipped: true };
      try {
        const outputs = await executePipeline(def, start.runId, def.params.parse(start.params), (id, fn) =>
          step.run(id, fn) as Promise<Json>,
        );
        await step.run("churnops-finish-run", () => finishRun(start.runId, { status: "succeeded", summary: outputs }));
        return { runId: start.runId, outputs };
      } catch (e) {
        const failureKind = failureKindOf(e);
        const message = e instanceof Error ? e.message : String(e);
        await step.run("churnops-fail-run", () =>
          finishRun(start.runId, { status: failureKind === "cancelled" ? "cancelled" : "failed", failureKind, message, stack: e instanceof Error ? e.stack : undefined }),
        );
        // Retrying cannot fix a cancel or a failed data gate.
        if (e instanceof RunCancelledError || e instanceof DataGateError) throw new NonRetriableError(message, { cause: e });
        throw e;
      }
    },
  );
}
