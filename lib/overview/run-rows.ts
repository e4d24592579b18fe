import type { RunSummary } from "../pipelines/run-queries.ts";

// The run columns every Overview query selects, mapped to the dashboard's RunSummary (dates as ISO strings).

export const RUN_COLUMNS = `r.id, r.pipeline_id AS "pipelineId", r.status::text AS status, r.trigger::text AS trigger, r.executor::text AS executor,
  r.created_at AS "createdAt", r.started_at AS "startedAt", r.finished_at AS "finishedAt", r.progress, r.progress_message AS "progressMessage",
  r.failure_kind AS "failureKind", r.error_message AS "errorMessage"`;

export type RunRow = Omit<RunSummary, "createdAt" | "startedAt" | "finishedAt" | "durationMs"> & {
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
};

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function runSummaryOf(r: RunRow): RunSummary {
  return {
    ...r,
    createdAt: r.createdAt.toISOString(),
    startedAt: iso(r.startedAt),
    finishedAt: iso(r.finishedAt),
    durationMs: r.startedAt && r.finishedAt ? r.finishedAt.getTime() - r.startedAt.getTime() : null,
  };
}
