import { z } from "zod";

// Every event churnops sends or reacts to, with its payload schema. inngest/ turns this catalogue into Inngest event
// types; lib/ never imports inngest/. Names follow Inngest's "<app>/<noun>.<verb>" convention.

export interface EventDefinition<N extends string = string, S extends z.ZodObject = z.ZodObject> {
  name: N;
  schema: S;
  description: string;
}

function defineEvent<N extends string, S extends z.ZodObject>(name: N, schema: S, description: string): EventDefinition<N, S> {
  return { name, schema, description };
}

export const pipelineRequestedData = z.object({
  /** The run row, created before the event is sent (absent only for events sent by hand). */
  runId: z.string().uuid().optional(),
  params: z.record(z.string(), z.unknown()).optional(),
  /** Inngest's concurrency key: runs sharing it never overlap, across functions. */
  concurrencyKey: z.string().optional(),
});

/** `churnops/<pipeline>.requested`: one per pipeline; the name carries the pipeline id. */
export const pipelineRequestedEvent = (pipelineId: string) =>
  defineEvent(`churnops/${pipelineId}.requested` as const, pipelineRequestedData, `start a run of ${pipelineId}`);

export const runCancelRequested = defineEvent(
  "churnops/run.cancel-requested",
  z.object({ runId: z.string().uuid() }),
  "a user asked to cancel a run; the run's steps stop at their next check",
);

export const dataChanged = defineEvent(
  "churnops/data.changed",
  z.object({
    path: z.string(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    datasetId: z.string().uuid().optional(),
    versionId: z.string().uuid().optional(),
  }),
  "a watched file or a stored dataset has a new hash (the data watchdog)",
);

export const modelTrained = defineEvent(
  "churnops/model.trained",
  z.object({
    runId: z.string().uuid(),
    model: z.string(),
    version: z.number().int().positive(),
    primaryMetric: z.string(),
    /** the primary metric on the test set; null when it could not be computed (e.g. one class in the test set) */
    value: z.number().nullable(),
  }),
  "a training run registered a new model version",
);

export const modelPromoted = defineEvent(
  "churnops/model.promoted",
  z.object({
    model: z.string(),
    version: z.number().int().positive(),
    alias: z.string(),
    previousVersion: z.number().int().positive().nullable(),
    /** what moved it: the promotion rule after training, a person's promote, or a rollback */
    action: z.enum(["auto-promote", "promote", "rollback"]).optional(),
    /** the training run whose decision promoted it (rule promotions only) */
    runId: z.string().uuid().optional(),
  }),
  "a model version became the alias' target (e.g. champion), by the promotion rule, a manual promote or a rollback",
);

export const driftDetected = defineEvent(
  "churnops/drift.detected",
  z.object({ runId: z.string().uuid(), dataset: z.string(), driftedShare: z.number().min(0).max(1), status: z.enum(["warn", "fail"]) }),
  "a drift check found dataset drift",
);

/** Events with a fixed name (pipeline requests are made per pipeline with pipelineRequestedEvent). */
export const eventCatalog = [runCancelRequested, dataChanged, modelTrained, modelPromoted, driftDetected] as const;

export type CatalogEvent = (typeof eventCatalog)[number];
export type EventName = CatalogEvent["name"];
export type EventData<N extends EventName> = z.infer<Extract<CatalogEvent, { name: N }>["schema"]>;

/** An event as steps emit it: a catalogue name and its payload. */
export type ChurnopsEvent = { [N in EventName]: { name: N; data: EventData<N> } }[EventName];

export function findEvent(name: string): CatalogEvent | undefined {
  return eventCatalog.find((e) => e.name === name);
}

/** Validates an event against the catalogue; a bad payload names the field. */
export function parseEvent(event: { name: string; data: unknown }): ChurnopsEvent {
  const def = findEvent(event.name);
  if (!def) throw new Error(`unknown event "${event.name}": add it to lib/events/event-catalog.ts`);
  const parsed = def.schema.safeParse(event.data);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => `${i.path.join(".") || "data"}: ${i.message}`).join("; ");
    throw new Error(`event ${event.name} has an invalid payload: ${fields}`);
  }
  return { name: def.name, data: parsed.data } as ChurnopsEvent;
}
