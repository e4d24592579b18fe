import { DownloadIcon, TriangleAlertIcon } from "lucide-react";
import { monitoringHref } from "../../monitoring-pages/monitoring-query.ts";
import { OVERALL, type SegmentMetricView } from "../../monitoring-pages/segment-metric-view.ts";
import type { RealisedRunView } from "../../monitoring-pages/segment-metrics.ts";
import { pipelineCommand } from "../../predictions/dataset-label.ts";
import { Alert } from "../components/alert.tsx";
import { Button } from "../components/button.tsx";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "../components/card.tsx";
import { formatDateTime } from "../format.ts";
import { formatMetric } from "./performance-format.ts";
import { SegmentFilterForm } from "./segment-filter-form.tsx";
import { SegmentMetricsTable } from "./segment-metrics-table.tsx";

interface SegmentPerformanceCardProps {
  dataset: string;
  run: RealisedRunView;
  /** the overall row first, then the segments (all, or the chosen column's) */
  rows: readonly SegmentMetricView[];
  /** the segment column shown, when filtered */
  segment?: string;
  /** the drift column whose histogram is shown (kept by the filter form) */
  column?: string;
  /** PR_AUC_SHADOW_THRESHOLD now (the flags were set with the value of the day they were computed) */
  prAucThreshold: number;
  minSegmentRows: number;
}

/**
 * Realised performance of the newest scoring run with labels, overall and per segment, with a filter by segment
 * column and a CSV of what is shown. An alert heads the section when the run's overall PR-AUC was flagged.
 */
export function SegmentPerformanceCard({ dataset, run, rows, segment, column, prAucThreshold, minSegmentRows }: SegmentPerformanceCardProps) {
  const overall = rows.find((r) => r.segmentColumn === OVERALL);
  const csvHref = `/api/segment-metrics.csv?${new URLSearchParams(segment ? { run: run.runId, segment } : { run: run.runId })}`;
  return (
    <Card aria-labelledby="segment-performance-title" id="segment-performance" className="scroll-mt-4">
      <CardHeader>
        <div className="min-w-0">
          <CardTitle id="segment-performance-title">Performance by segment</CardTitle>
          <CardDescription>
            What happened once labels arrived, for the newest scoring run that has them: scored {formatDateTime(run.scoredAt)} by {run.model} v{run.version}
            {run.asOf ? ` (as of ${run.asOf})` : ""}; labels {run.labelsFrom ? <>from <code className="break-words">{run.labelsFrom}</code> </> : ""}joined{" "}
            {formatDateTime(run.computedAt)}. Segments are the model&rsquo;s categorical features; one under {minSegmentRows} labelled rows, or with one class, gets counts
            only. PR-AUC below {prAucThreshold} (<code>PR_AUC_SHADOW_THRESHOLD</code>) is marked &ldquo;below threshold&rdquo;.
          </CardDescription>
        </div>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        {overall?.flagged && (
          <Alert role="alert" variant="destructive">
            <TriangleAlertIcon aria-hidden />
            <div className="min-w-0">
              Overall PR-AUC is {formatMetric(overall.prAuc)}, below the threshold: the champion finds this cohort&rsquo;s churners poorly. See which segments pull it
              down below, and consider retraining: <code className="break-words">{pipelineCommand("train", dataset)}</code>.
            </div>
          </Alert>
        )}
        <SegmentMetricsTable
          rows={rows}
          filters={
            run.segmentColumns.length > 0 ? (
              <SegmentFilterForm
                // Remount when the filter changes: a client navigation (Clear) must reset the uncontrolled select.
                key={`${run.runId}|${segment ?? ""}`}
                dataset={dataset}
                column={column}
                segmentColumns={run.segmentColumns}
                segment={segment}
                clearHref={segment ? `${monitoringHref({ dataset, column })}#segment-performance` : undefined}
              />
            ) : undefined
          }
          actions={
            <Button asChild variant="outline" size="sm">
              <a href={csvHref} download aria-label={segment ? "Download these segments as CSV" : "Download this table as CSV"}>
                <DownloadIcon aria-hidden />
                {segment ? "These segments (CSV)" : "Table (CSV)"}
              </a>
            </Button>
          }
        />
      </CardContent>
    </Card>
  );
}
