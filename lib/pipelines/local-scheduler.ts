import { Cron } from "croner";
import type { PipelineDefinition } from "./pipeline-definition.ts";

export interface ScheduledJob {
  pipelineId: string;
  schedule: string;
  nextRun(): Date | null;
}

export interface LocalScheduler {
  jobs: readonly ScheduledJob[];
  stop(): void;
}

/**
 * Fires each pipeline's cron schedule (UTC) in this process when no Inngest server exists, so the embedded default
 * runs on schedule too. A job never overlaps itself (croner `protect`); overlap across pipelines sharing a
 * concurrency key is prevented by the run claim, as for every run.
 */
export function startLocalScheduler(
  defs: readonly PipelineDefinition[],
  start: (pipelineId: string) => Promise<unknown>,
  onError: (pipelineId: string, e: unknown) => void = () => {},
): LocalScheduler {
  const crons = defs
    .filter((d) => d.schedule)
    .map((d) => ({
      pipelineId: d.id,
      schedule: d.schedule!,
      cron: new Cron(d.schedule!, { timezone: "UTC", protect: true, name: `churnops:${d.id}` }, async () => {
        try {
          await start(d.id);
        } catch (e) {
          onError(d.id, e);
        }
      }),
    }));
  return {
    jobs: crons.map((c) => ({ pipelineId: c.pipelineId, schedule: c.schedule, nextRun: () => c.cron.nextRun() })),
    stop: () => crons.forEach((c) => c.cron.stop()),
  };
}
