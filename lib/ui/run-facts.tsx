import type { RunSummary } from "../pipelines/run-queries.ts";
import { formatDateTime, formatDuration } from "./format.ts";
import { StatusBadge } from "./status-badge.tsx";

/** Status, who started it, where it ran and when. */
export function RunFacts({ run }: { run: RunSummary }) {
  return (
    <dl className="facts">
      <dt>Status</dt>
      <dd>
        <StatusBadge status={run.status} testId="run-status" />
        {run.failureKind && run.failureKind !== run.status ? <span className="muted"> ({run.failureKind})</span> : null}
      </dd>
      <dt>Trigger</dt>
      <dd>{run.trigger}</dd>
      <dt>Executor</dt>
      <dd>{run.executor}</dd>
      <dt>Created</dt>
      <dd>{formatDateTime(run.createdAt)}</dd>
      <dt>Started</dt>
      <dd>{formatDateTime(run.startedAt)}</dd>
      <dt>Finished</dt>
      <dd>{formatDateTime(run.finishedAt)}</dd>
      <dt>Duration</dt>
      <dd>{formatDuration(run.durationMs)}</dd>
    </dl>
  );
}
