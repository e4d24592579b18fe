import type { z } from "zod";
import type { Queryable } from "../db/sql.ts";
import type { ChurnopsEvent } from "../events/event-catalog.ts";

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** What a step may read of an earlier step: its id (the memoisation key) and its output schema. */
export interface StepRef<O extends z.ZodType = z.ZodType> {
  id: string;
  output: O;
}

export interface StepContext<P> {
  runId: string;
  params: P;
  /** The validated output of an earlier step of this run (throws if that step has not run). */
  output<O extends z.ZodType>(step: StepRef<O>): z.infer<O>;
  /** Progress inside this step, 0..1; cheap to call often (writes are throttled and never block the step). */
  progress(fraction: number, message?: string): void;
  /** Aborted when the run is cancelled; long loops check it between batches. */
  signal: AbortSignal;
  /**
   * Announces events from the catalogue. They are written to the outbox (inside the caller's transaction when
   * `client` is given, so the event exists exactly when the change it announces does) and delivered when the step
   * has finished: by step.sendEvent under Inngest, by the local dispatcher otherwise.
   */
  emit(events: ChurnopsEvent | readonly ChurnopsEvent[], client?: Queryable): Promise<void>;
}

export interface PipelineStep<P, O extends z.ZodType = z.ZodType> extends StepRef<O> {
  /** Fixed string: Inngest memoises step outputs by this id. */
  id: string;
  title: string;
  /** The output's schema: a small JSON summary (counts, keys), never bulk data. A bad output fails the step. */
  output: O;
  run(ctx: StepContext<P>): Promise<z.input<O>>;
}

/** A step with a declared output; later steps read it with `ctx.output(step)`, typed, never cast. */
export function defineStep<P, O extends z.ZodType>(step: PipelineStep<P, O>): PipelineStep<P, O> {
  return step;
}

export interface PipelineDefinition<S extends z.ZodType = z.ZodType> {
  id: string;
  title: string;
  description: string;
  /** Parses raw params (form fields, CLI k=v strings) and fills defaults. */
  params: S;
  steps: readonly PipelineStep<z.infer<S>>[];
  /** Cron expression (5 fields, UTC) for scheduled runs, if any. */
  schedule?: string;
  /** Runs with the same key never overlap, whichever pipeline or executor runs them; defaults to the pipeline id. */
  concurrencyKey?(params: z.infer<S>): string;
  /** Inngest retries per step (the local executor does not retry). */
  retries?: 0 | 1 | 2 | 3 | 4 | 5;
}

export function definePipeline<S extends z.ZodType>(definition: PipelineDefinition<S>): PipelineDefinition<S> {
  return definition;
}

export function concurrencyKeyOf<S extends z.ZodType>(def: PipelineDefinition<S>, params: z.infer<S>): string {
  return def.concurrencyKey ? def.concurrencyKey(params) : def.id;
}
