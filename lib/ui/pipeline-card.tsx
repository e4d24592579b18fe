import Link from "next/link";
import type { RunSummary } from "../pipelines/run-queries.ts";
import { formatDateTime, shortId } from "./format.ts";
import type { ParamField } from "./param-fields.ts";
import { RunPipelineForm } from "./run-pipeline-form.tsx";
import { StatusBadge } from "./status-badge.tsx";

export interface PipelineCardProps {
  id: string;
  title: string;
  description: string;
  schedule: string | null;
  /** ISO time of the next scheduled run. */
  nextRun: string | null;
  lastRun: RunSummary | undefined;
  fields: ParamField[];
}

/** One pipeline on the home page: what it does, when it runs, how its last run went, and a Run button. */
export function PipelineCard({ id, title, description, schedule, nextRun, lastRun, fields }: PipelineCardProps) {
  return (
    <section className="card" aria-label={title}>
      <h2>{title}</h2>
      <p className="muted">
        <code>{id}</code>
      </p>
      <p>{description}</p>
      <dl className="facts">
        <dt>Schedule</dt>
        <dd>
          {schedule ? (
            <>
              <code>{schedule}</code> (UTC) · next run {formatDateTime(nextRun)}
            </>
          ) : (
            "no schedule"
          )}
        </dd>
        <dt>Last run</dt>
        <dd>
          {lastRun ? (
            <>
              <StatusBadge status={lastRun.status} /> {formatDateTime(lastRun.createdAt)} ·{" "}
              <Link href={`/runs/${lastRun.id}`}>run {shortId(lastRun.id)}</Link>
            </>
          ) : (
            "never run"
          )}
        </dd>
      </dl>
      <RunPipelineForm pipelineId={id} title={title} fields={fields} />
    </section>
  );
}
