import Link from "next/link";
import type { SourceFreshness } from "../overview/data-freshness.ts";
import { Card, CardContent, CardHeader, CardTitle } from "./components/card.tsx";
import { formatAge } from "./format-age.ts";
import { formatCount, formatDateTime } from "./format.ts";
import { RunPipelineForm } from "./run-pipeline-form.tsx";
import { StatusBadge } from "./status-badge.tsx";

const STATUS_TEXT: Record<SourceFreshness["status"], string> = {
  fresh: "fresh",
  stale: "stale",
  loading: "loading",
  failed: "last load failed",
  empty: "no data",
};

/** One source at a glance: status, rows, rejected rows, age of the last load, and where to go from here. */
export function FreshnessCard({ source: s, now }: { source: SourceFreshness; now: Date }) {
  const action =
    s.status === "empty" && s.kind === "fixed"
      ? { label: `Load the ${s.title.toLowerCase()} sample`, href: `/pipelines#${s.pipelineId}` }
      : s.status === "failed" || s.status === "loading"
        ? { label: s.status === "failed" ? "See what failed" : "Follow the load", href: s.href }
        : s.status === "empty"
          ? { label: "Confirm and load it", href: s.href }
          : { label: "View the data", href: s.href };
  return (
    <Card aria-label={`Data: ${s.title}`}>
      <CardHeader>
        <CardTitle as="h3" className="text-base">
          {s.title}
        </CardTitle>
        <StatusBadge status={s.status} label={STATUS_TEXT[s.status]} testId={`freshness-${s.key}`} />
      </CardHeader>
      <CardContent className="flex flex-col gap-2 text-sm [&_a]:underline">
        {s.loadedAt ? (
          <>
            <p className="m-0">
              <strong className="text-lg tabular-nums">{formatCount(s.rows)}</strong> rows loaded{" "}
              <span title={formatDateTime(s.loadedAt)}>{formatAge(s.loadedAt, now)}</span>
            </p>
            <p className="m-0 text-muted-foreground">
              {s.rejectedRows > 0 ? (
                <Link href={`/data/rejects?runId=${s.loadRunId}`}>{formatCount(s.rejectedRows)} rows rejected</Link>
              ) : (
                "no rows rejected"
              )}
              {s.tables.length > 1 && ` · ${s.tables.map((t) => `${formatCount(t.rows)} in ${t.table}`).join(", ")}`}
            </p>
          </>
        ) : (
          <p className="m-0 text-muted-foreground">Nothing loaded yet.</p>
        )}
        {s.status === "empty" && s.quickSample ? (
          <div className="flex flex-col gap-1">
            <RunPipelineForm pipelineId={s.pipelineId} title={`${s.title} sample`} fields={[]} params={s.quickSample} stay label="Load the sample" />
            <p className="m-0 text-xs text-muted-foreground">
              A small practice dataset ({Object.entries(s.quickSample).map(([k, v]) => `${formatCount(v)} ${k}`).join(", ")}). Your own files: <Link href="/pipelines">Pipelines</Link>.
            </p>
          </div>
        ) : (
          <p className="m-0">
            <Link href={action.href}>{action.label}</Link>
          </p>
        )}
      </CardContent>
    </Card>
  );
}
