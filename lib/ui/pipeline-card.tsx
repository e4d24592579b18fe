import Link from "next/link";
import type { RunSummary } from "../pipelines/run-queries.ts";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "./components/card.tsx";
import { Disclosure } from "./components/disclosure.tsx";
import { formatDateTime, shortId } from "./format.ts";
import type { ParamChoice, ParamField } from "./param-fields.ts";
import { codeSpans, pipelineCopy } from "./pipeline-copy.ts";
import { RunPipelineForm } from "./run-pipeline-form.tsx";
import { scheduleText } from "./schedule-text.ts";
import { StatusBadge } from "./status-badge.tsx";

export interface PipelineCardProps {
  id: string;
  title: string;
  /** The catalogue's description: implementation detail, shown under "Details". */
  description: string;
  schedule: string | null;
  /** ISO time of the next scheduled run. */
  nextRun: string | null;
  lastRun: RunSummary | undefined;
  fields: ParamField[];
  choices?: Record<string, ParamChoice[]>;
  steps: string[];
}

/** One pipeline: what it does in plain words, when it runs, how its last run went, the run form, and the details. */
export function PipelineCard({ id, title, description, schedule, nextRun, lastRun, fields, choices, steps }: PipelineCardProps) {
  const copy = pipelineCopy(id, description);
  return (
    <Card aria-label={title} id={id} className="scroll-mt-20">
      <CardHeader>
        <div className="min-w-0">
          <CardTitle>{title}</CardTitle>
          <CardDescription>{copy.summary}</CardDescription>
        </div>
      </CardHeader>
      <CardContent className="flex flex-col gap-3 text-sm [&_p_a]:underline">
        {copy.when && <p className="m-0">{copy.when}</p>}
        <p className="m-0 text-muted-foreground">
          {schedule ? `Runs ${scheduleText(schedule)}; next run ${formatDateTime(nextRun)}.` : "Runs when you start it."}
        </p>
        <p className="m-0 flex flex-wrap items-center gap-2">
          <span>Last run:</span>
          {lastRun ? (
            <>
              <StatusBadge status={lastRun.status} />
              <span className="text-muted-foreground">{formatDateTime(lastRun.createdAt)}</span>
              <Link href={`/runs/${lastRun.id}`}>run {shortId(lastRun.id)}</Link>
            </>
          ) : (
            <span className="text-muted-foreground">never run</span>
          )}
        </p>
        <RunPipelineForm pipelineId={id} title={title} fields={fields} choices={choices} />
      </CardContent>
      <CardFooter>
        <Disclosure summary="Details">
          <div className="flex flex-col gap-2 text-sm">
            <p className="m-0">
              {codeSpans(description).map((part, i) => (part.code ? <code key={i}>{part.text}</code> : <span key={i}>{part.text}</span>))}
            </p>
            <p className="m-0">
              Pipeline id <code>{id}</code>
              {schedule ? (
                <>
                  , schedule <code>{schedule}</code> (cron, UTC)
                </>
              ) : null}
              .
            </p>
            <p className="m-0">Steps: {steps.join(" → ")}.</p>
          </div>
        </Disclosure>
      </CardFooter>
    </Card>
  );
}
