import { parseEvent, type EventData, type EventName } from "../../lib/events/event-catalog.ts";
import type { Trigger } from "../../lib/pipelines/triggers.ts";
import { createInngestRun, pipelineRequest } from "../../lib/pipelines/start-run.ts";
import { inngest } from "../client.ts";
import { inngestEvents } from "../events.ts";

/** One line of the trigger table under Inngest: the event starts the pipeline when the trigger says it concerns it. */
export function createTriggerFunction<N extends EventName>(trigger: Trigger<N>) {
  return inngest.createFunction(
    { id: `trigger-${trigger.id}`, name: `${trigger.on} → ${trigger.pipeline}`, retries: 2, triggers: [inngestEvents[trigger.on]] },
    async ({ event, step }) => {
      const params = await step.run("params", () => trigger.params(parseEvent({ name: trigger.on, data: event.data }).data as EventData<N>));
      if (!params) return { started: null };
      const run = await step.run("create-run", () => createInngestRun(trigger.pipeline, params, "event"));
      await step.sendEvent("request-run", { id: run.runId, ...pipelineRequest(trigger.pipeline, run) });
      return { started: run.runId };
    },
  );
}
