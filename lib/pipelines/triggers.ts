import { getDb } from "../db/client.ts";
import type { EventData, EventName } from "../events/event-catalog.ts";
import { TABULAR_LOAD } from "./tabular-load.ts";

// Which events start which pipelines, beside the catalogue. Under Inngest each line becomes a function triggered by
// the event; locally the dispatcher reads the same lines. A pipeline definition never starts another pipeline.

export interface Trigger<N extends EventName = EventName> {
  /** Stable id (the Inngest function id is derived from it). */
  id: string;
  on: N;
  pipeline: string;
  description: string;
  /** The run's params for this event, or null when the event does not concern the pipeline. */
  params(data: EventData<N>): Promise<Record<string, unknown> | null>;
}

function defineTrigger<N extends EventName>(trigger: Trigger<N>): Trigger<N> {
  return trigger;
}

export const triggers = [
  defineTrigger({
    id: "data-changed-load-table",
    on: "churnops/data.changed",
    pipeline: TABULAR_LOAD,
    description: "a new dataset version that is confirmed (auto-confirmed by the watchdog) is loaded",
    async params(data) {
      if (!data.versionId) return null;
      const { prisma } = await getDb();
      const version = await prisma.datasetVersion.findUnique({ where: { id: data.versionId }, select: { status: true } });
      // Drafts wait for a user to confirm their types; loaded versions are not reloaded.
      return version?.status === "confirmed" ? { versionId: data.versionId } : null;
    },
  }),
] as const;

export function triggersFor(eventName: string): readonly Trigger[] {
  return (triggers as readonly Trigger[]).filter((t) => t.on === eventName);
}
