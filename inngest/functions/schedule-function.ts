import type { PipelineDefinition } from "../../lib/pipelines/pipeline-definition.ts";
import { createInngestRun, pipelineRequest } from "../../lib/pipelines/start-run.ts";
import { inngest } from "../client.ts";

/**
 * A pipeline's cron schedule: creates the run row and requests it, so the pipeline function always receives a
 * run id and a concurrency key (a bare cron event would carry neither).
 */
export function createScheduleFunction(def: PipelineDefinition & { schedule: string }) {
  return inngest.createFunction(
    { id: `schedule-${def.id}`, name: `${def.title} (schedule)`, retries: 2, triggers: [{ cron: def.schedule }] },
    async ({ step }) => {
      const run = await step.run("create-run", () => createInngestRun(def.id, {}, "schedule"));
      await step.sendEvent("request-run", { id: run.runId, ...pipelineRequest(def.id, run) });
      return { runId: run.runId };
    },
  );
}
