import Link from "next/link";
import type { StepView } from "../pipelines/run-queries.ts";
import { CodeBlock, formatJson } from "./components/code-block.tsx";
import { Disclosure } from "./components/disclosure.tsx";
import { formatDuration } from "./format.ts";
import { StatusBadge } from "./status-badge.tsx";
import { stepFacts } from "./step-facts.ts";

/**
 * The steps of a run in execution order, each with its output as sentences and links (the raw JSON behind "Raw").
 * A list rather than a table: on a phone each step stacks into lines instead of squeezing into columns.
 */
export function StepsTable({ steps, runId }: { steps: readonly StepView[]; runId: string }) {
  return (
    <ol className="m-0 flex list-none flex-col gap-3 p-0 [&_a]:underline" aria-label="Steps">
      {steps.map((s, i) => {
        const facts = stepFacts(s.stepId, s.output, runId);
        return (
          <li key={s.stepId} aria-label={s.title} className="min-w-0 rounded-md border border-border p-3" data-testid={`step-${s.stepId}`}>
            <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
              <span className="font-medium">
                {i + 1}. {s.title}
              </span>
              <StatusBadge status={s.status} />
              <span className="text-sm text-muted-foreground">
                {formatDuration(s.durationMs)}
                {s.attempts > 1 ? ` · ${s.attempts} attempts` : ""}
              </span>
            </div>
            {facts.length > 0 && (
              <ul className="mt-2 mb-0 flex flex-col gap-1 pl-5 text-sm">
                {facts.map((f, k) => (
                  <li key={k} className="break-words">
                    {f.text}
                    {f.links.length > 0 && (
                      <span className="text-muted-foreground">
                        {" — "}
                        {f.links.map((l, j) => (
                          <span key={l.href + l.label}>
                            {j > 0 && ", "}
                            {l.href.startsWith("/api/") ? <a href={l.href}>{l.label}</a> : <Link href={l.href}>{l.label}</Link>}
                          </span>
                        ))}
                      </span>
                    )}
                  </li>
                ))}
              </ul>
            )}
            {s.errorMessage && s.status !== "cancelled" && <p className="mt-2 mb-0 text-sm break-words text-destructive">{s.errorMessage.replace(/\s*To fix:.*$/s, "")}</p>}
            {s.output !== null && (
              <Disclosure summary="Raw" className="mt-2">
                <CodeBlock label={`Raw output of ${s.title}`}>{formatJson(s.output)}</CodeBlock>
              </Disclosure>
            )}
          </li>
        );
      })}
    </ol>
  );
}
