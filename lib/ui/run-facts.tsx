import Link from "next/link";
import type { RunView } from "../overview/run-view.ts";
import { ElapsedTime } from "./elapsed-time.tsx";
import { formatDateTime, shortId } from "./format.ts";
import { StatusBadge } from "./status-badge.tsx";

/** Status, elapsed time, who started it and when; for a queued run, which run it waits behind. */
export function RunFacts({ run, serverNow }: { run: RunView; serverNow: number }) {
  const running = run.status === "running" || run.status === "cancelling";
  const row = (label: string, value: React.ReactNode) => (
    <div className="flex min-w-0 flex-col">
      <dt className="text-xs text-muted-foreground">{label}</dt>
      <dd className="m-0 text-sm">{value}</dd>
    </div>
  );
  return (
    <div className="flex flex-col gap-3 [&_a]:underline">
      <dl className="m-0 grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
        {row("Status", <StatusBadge status={run.status} testId="run-status" />)}
        {row(running ? "Running for" : "Duration", <ElapsedTime since={run.startedAt} until={run.finishedAt} running={running} serverNow={serverNow} />)}
        {row("Started by", run.trigger === "manual" ? "you (dashboard)" : run.trigger)}
        {row("Ran on", run.executor === "local" ? "this machine" : run.executor)}
        {row("Created", formatDateTime(run.createdAt))}
        {row("Finished", formatDateTime(run.finishedAt))}
      </dl>
      {run.status === "queued" && (
        <p className="m-0 text-sm" role="status" data-testid="queued-reason">
          {run.blockingRun ? (
            <>
              Waiting for <Link href={`/runs/${run.blockingRun.id}`}>run {shortId(run.blockingRun.id)}</Link> ({run.blockingRun.pipelineId}, {run.blockingRun.status}) to finish: both change the same data ({run.blockingRun.concurrencyKey}), so they never run at once.
            </>
          ) : (
            "Queued: waiting for a worker to pick it up (usually a few seconds)."
          )}
        </p>
      )}
    </div>
  );
}
