import type { z } from "zod";

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

export interface StepContext<P> {
  runId: string;
  params: P;
  /** Outputs of the steps before this one, by step id. */
  outputs: Readonly<Record<string, Json>>;
  /** Progress inside this step, 0..1; cheap to call often (writes are throttled and never block the step). */
  progress(fraction: number, message?: string): void;
  /** Aborted when the run is cancelled; long steps check it between batches. */
  signal: AbortSignal;
}

export interface PipelineStep<P> {
  /** Fixed string: Inngest memoises step outputs by this id. */
  id: string;
  title: string;
  /** Returns a small JSON summary (counts, artifact keys), never bulk data. */
  run(ctx: StepContext<P>): Promise<Json>;
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
  /** Runs with the same key never overlap; defaults to the pipeline id. */
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
