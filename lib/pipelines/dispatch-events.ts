import { isInngestConfigured } from "../env.ts";
import { parseEvent } from "../events/event-catalog.ts";
import { errorMessage } from "../errors.ts";
import { sendToInngest } from "../events/inngest-client.ts";
import { claimPendingEvents, markEventFailed, markEventSent, type OutboxRow } from "../events/outbox.ts";
import { startRun } from "./start-run.ts";
import { triggersFor } from "./triggers.ts";

// Delivers outbox events. With Inngest configured they go to the Inngest server (its trigger functions start the
// pipelines); without it this is the local dispatcher: it reads the trigger table and starts the pipelines itself.
// An event is marked sent only once delivered; a failure leaves it pending for the next dispatch.

export interface DispatchedEvent {
  id: string;
  name: string;
  data: Record<string, unknown>;
  deliveredTo?: "inngest" | "local";
  runs: { pipelineId: string; runId: string; status?: string }[];
  error?: string;
}

export interface DispatchOptions {
  /**
   * The CLI passes its local executor to run triggered pipelines in its own process and wait (then the result
   * lists their final status); otherwise they are handed to worker processes.
   */
  runInline?: (runId: string) => Promise<{ status: string }>;
  /** Only these outbox rows (a step's own events); default: every pending event. */
  ids?: readonly string[];
  limit?: number;
}

async function deliverLocally(event: OutboxRow, runInline: DispatchOptions["runInline"]): Promise<DispatchedEvent["runs"]> {
  const runs: DispatchedEvent["runs"] = [];
  for (const trigger of triggersFor(event.name)) {
    const params = await trigger.params(parseEvent({ name: event.name, data: event.data }).data as never);
    if (!params) continue;
    const { runId, executor } = await startRun(trigger.pipeline, params, "event", runInline ? "inline" : "background");
    runs.push({ pipelineId: trigger.pipeline, runId, ...(runInline && executor === "local" ? { status: (await runInline(runId)).status } : {}) });
  }
  return runs;
}

/** Claims pending events and delivers each; returns what happened to each one. */
export async function dispatchPendingEvents(options: DispatchOptions = {}): Promise<DispatchedEvent[]> {
  const claimed = await claimPendingEvents(options.limit ?? 50, options.ids ? { ids: options.ids } : {});
  const results: DispatchedEvent[] = [];
  for (const event of claimed) {
    try {
      if (isInngestConfigured()) {
        await sendToInngest([{ id: event.id, name: event.name, data: event.data }]);
        await markEventSent(event.id, "inngest");
        results.push({ id: event.id, name: event.name, data: event.data, deliveredTo: "inngest", runs: [] });
      } else {
        const runs = await deliverLocally(event, options.runInline);
        await markEventSent(event.id, "local", runs.map((r) => r.runId));
        results.push({ id: event.id, name: event.name, data: event.data, deliveredTo: "local", runs });
      }
    } catch (e) {
      await markEventFailed(event.id, errorMessage(e)).catch(() => {});
      results.push({ id: event.id, name: event.name, data: event.data, runs: [], error: errorMessage(e) });
    }
  }
  return results;
}
