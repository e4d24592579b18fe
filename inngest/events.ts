import { eventType } from "inngest";
import { eventCatalog, pipelineRequestedEvent, type EventDefinition } from "../lib/events/event-catalog.ts";

// The catalogue (lib/events/event-catalog.ts) as Inngest event types: the schemas stay in lib/, this only adapts.

const toInngest = <D extends EventDefinition>(def: D) => eventType(def.name, { schema: def.schema });

export const inngestEvents = Object.fromEntries(eventCatalog.map((def) => [def.name, toInngest(def)]));

/** `churnops/<pipeline>.requested` as an Inngest event type. */
export const pipelineRequested = (pipelineId: string) => toInngest(pipelineRequestedEvent(pipelineId));
