import { ActivityIcon, FileWarningIcon } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { getEnv } from "../../lib/env.ts";
import { driftColumns } from "../../lib/monitoring-pages/drift-columns.ts";
import { latestDriftRuns, listDriftRuns } from "../../lib/monitoring-pages/drift-runs.ts";
import { monitoringHref, parseMonitoringQuery } from "../../lib/monitoring-pages/monitoring-query.ts";
import { listPerformanceRuns } from "../../lib/monitoring-pages/performance-runs.ts";
import { latestRealisedRun, listSegmentMetrics, MIN_SEGMENT_ROWS } from "../../lib/monitoring-pages/segment-metrics.ts";
import { datasetLabel, pipelineCommand } from "../../lib/predictions/dataset-label.ts";
import { monitoredDatasets } from "../../lib/predictions/monitored-datasets.ts";
import { listScoringRuns } from "../../lib/predictions/scoring-runs.ts";
import { Alert } from "../../lib/ui/components/alert.tsx";
import { Button } from "../../lib/ui/components/button.tsx";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "../../lib/ui/components/card.tsx";
import { ChartCard } from "../../lib/ui/components/chart-card.tsx";
import { EmptyState } from "../../lib/ui/components/empty-state.tsx";
import { PageHeader } from "../../lib/ui/components/page-header.tsx";
import { Stat } from "../../lib/ui/components/stat.tsx";
import { DatasetTabs } from "../../lib/ui/dataset-tabs.tsx";
import { formatShare } from "../../lib/ui/dq-format.ts";
import { formatCount, formatDateTime, shortId } from "../../lib/ui/format.ts";
import { DRIFT_DEFAULTS } from "../../lib/monitoring/config.ts";
import { ColumnHistogramChart } from "../../lib/ui/monitoring/column-histogram-chart.tsx";
import { DriftColumnsTable } from "../../lib/ui/monitoring/drift-columns-table.tsx";
import { formatStatistic } from "../../lib/ui/monitoring/drift-format.ts";
import { DriftReportCard } from "../../lib/ui/monitoring/drift-report-card.tsx";
import { DriftShareChart } from "../../lib/ui/monitoring/drift-share-chart.tsx";
import { DriftStatusBadge } from "../../lib/ui/monitoring/drift-status-badge.tsx";
import { histogramBinRows } from "../../lib/ui/monitoring/histogram-bins.ts";
import { labelTiming } from "../../lib/ui/monitoring/performance-format.ts";
import { PerformanceSection } from "../../lib/ui/monitoring/performance-section.tsx";
import { PsiCheckCard } from "../../lib/ui/monitoring/psi-check-card.tsx";
import { ScoreProxyCard } from "../../lib/ui/predictions/score-proxy-card.tsx";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Monitoring" };

const pct = (x: number) => Math.round(x * 10000) / 100;

function HowToRunDrift({ dataset }: { dataset: string }) {
  return (
    <>
      Run <code>{pipelineCommand("drift", dataset)}</code> in a terminal (it exits 2 when drift fails), or start it from the Pipelines page. A drift check compares the
      champion&rsquo;s training rows (the reference) with the latest scored rows, column by column, and stores a report.
    </>
  );
}

export default async function MonitoringPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { query, issues } = parseMonitoringQuery(await searchParams);
  const datasets = await monitoredDatasets();
  const header = (
    <PageHeader title="Monitoring" description="Does the data the champion scores still look like the data it was trained on, and does it still find the churners? Drift per dataset and per column, the daily data-quality PSI check against a frozen baseline, the stored reports, the score proxy, and performance estimated before labels and realised after." />
  );
  if (datasets.length === 0) {
    return (
      <>
        {header}
        <EmptyState icon={ActivityIcon} title="Nothing monitored yet" action={<Button asChild variant="outline"><Link href="/pipelines">Open Pipelines</Link></Button>}>
          <HowToRunDrift dataset="elearning" /> Score customers first (<code>churnops run score-elearning</code>): the score proxy and the performance estimate appear here
          too.
        </EmptyState>
      </>
    );
  }

  const dataset = datasets.some((d) => d.dataset === query.dataset) ? query.dataset! : (datasets.find((d) => d.driftRuns > 0) ?? datasets[0]!).dataset;
  const title = datasetLabel(dataset);
  const [driftRuns, scoringRuns, performanceRuns, realisedRun, psiChecks] = await Promise.all([
    listDriftRuns(dataset), listScoringRuns(dataset), listPerformanceRuns(dataset), latestRealisedRun(dataset), latestDriftRuns("psi-baseline"),
  ]);
  const latest = driftRuns[0] ?? null;
  const columns = latest ? await driftColumns(latest.runId) : [];
  const withHistogram = columns.filter((c) => c.histogram);
  const selected = withHistogram.find((c) => c.column === query.column) ?? withHistogram[0] ?? null;
  if (query.column && selected?.column !== query.column) issues.push(`column: the latest check has no histogram for "${query.column}"`);
  const oldestFirst = [...driftRuns].reverse();
  const segment = query.segment && realisedRun?.segmentColumns.includes(query.segment) ? query.segment : undefined;
  if (query.segment && !segment) issues.push(`segment: the latest run with labels has no segment column "${query.segment}"`);
  const segmentRows = realisedRun ? await listSegmentMetrics(realisedRun.runId, segment) : [];

  return (
    <>
      {header}
      <DatasetTabs datasets={datasets.map((d) => d.dataset)} current={dataset} hrefOf={(d) => monitoringHref({ dataset: d })} />
      {issues.length > 0 && (
        <Alert role="alert" variant="warning" className="mb-4">
          Some parameters were not valid and were ignored: {issues.join("; ")}.
        </Alert>
      )}
      <div className="flex min-w-0 flex-col gap-6">
        {!latest ? (
          <EmptyState icon={FileWarningIcon} title={`No drift checks for ${title} yet`} action={<Button asChild variant="outline"><Link href="/pipelines">Open Pipelines</Link></Button>}>
            <HowToRunDrift dataset={dataset} />
          </EmptyState>
        ) : (
          <>
            <Card aria-labelledby="drift-verdict-title">
              <CardHeader>
                <div className="min-w-0">
                  <CardTitle id="drift-verdict-title">Latest drift check</CardTitle>
                  <CardDescription>
                    {title}, checked {formatDateTime(latest.createdAt)}
                    {latest.model ? ` for ${latest.model}${latest.version ? ` v${latest.version}` : ""}` : ""}: {formatCount(latest.referenceRows)} reference rows against{" "}
                    {formatCount(latest.currentRows)} current rows.
                  </CardDescription>
                </div>
                <DriftStatusBadge status={latest.status} label={`drift ${latest.status}`} testId="drift-verdict" />
              </CardHeader>
              <CardContent className="grid gap-4 sm:grid-cols-3">
                <Stat
                  label="Drifted columns"
                  value={`${formatCount(latest.driftedColumns)} of ${formatCount(latest.columns)}`}
                  tone={latest.datasetDrift ? "destructive" : latest.driftedColumns > 0 ? "warning" : "default"}
                  hint={`${formatShare(latest.driftedShare)} drifted; the dataset drifts at ${formatShare(latest.shareThreshold)} or more${latest.datasetDrift ? " (it does)" : ""}`}
                />
                <Stat
                  label="Largest PSI"
                  value={formatStatistic(latest.maxPsi)}
                  tone={latest.maxPsi === null ? "default" : latest.maxPsi >= DRIFT_DEFAULTS.psiFail ? "destructive" : latest.maxPsi >= DRIFT_DEFAULTS.psiWarn ? "warning" : "default"}
                  hint={`Population stability index: warn from ${DRIFT_DEFAULTS.psiWarn}, fail from ${DRIFT_DEFAULTS.psiFail}`}
                />
                <Stat label="Verdict" value={<DriftStatusBadge status={latest.status} />} hint={latest.datasetDrift ? "Dataset drift: consider retraining" : "No dataset drift"} />
              </CardContent>
              <CardFooter>
                <Button asChild variant="outline" size="sm">
                  <Link href={`/runs/${latest.runId}`}>Open run {shortId(latest.runId)}</Link>
                </Button>
                {latest.scoringRunId && (
                  <Button asChild variant="outline" size="sm">
                    <Link href={`/predictions?run=${latest.scoringRunId}`}>Scored customers it checked</Link>
                  </Button>
                )}
              </CardFooter>
            </Card>

            <ChartCard
              title="Drift share over time"
              description={`Share of columns that drifted in each check of ${title}; at or above the threshold the dataset counts as drifted.`}
              label={`Line chart of the share of drifted columns of ${title} over time, in percent, for ${driftRuns.length} drift check${driftRuns.length === 1 ? "" : "s"}, with the threshold`}
              data={{
                columns: ["Checked at (UTC)", "Verdict", "Drifted columns", "Drifted share", "Threshold", "Largest PSI"],
                rows: oldestFirst.map((r) => [formatDateTime(r.createdAt), r.status, `${r.driftedColumns} of ${r.columns}`, formatShare(r.driftedShare), formatShare(r.shareThreshold), formatStatistic(r.maxPsi)]),
                numericColumns: [2, 3, 4, 5],
              }}
            >
              <DriftShareChart points={oldestFirst.map((r) => ({ t: Date.parse(r.createdAt), share: pct(r.driftedShare), threshold: pct(r.shareThreshold) }))} />
            </ChartCard>

            <Card aria-labelledby="drift-columns-title">
              <CardHeader>
                <div className="min-w-0">
                  <CardTitle id="drift-columns-title">Drift per column</CardTitle>
                  <CardDescription>
                    Evidently&rsquo;s test choice per column (p-value tests drift below the threshold, distances at or above it) and PSI on ten reference-quantile bins.
                    Drifted columns first.
                  </CardDescription>
                </div>
              </CardHeader>
              <CardContent className="flex flex-col gap-4">
                <DriftColumnsTable
                  rows={columns.map(({ histogram, ...c }) => ({ ...c, selected: c.column === selected?.column, histogramHref: histogram ? `${monitoringHref({ dataset, column: c.column, segment })}#histogram` : null }))}
                />
                {selected?.histogram && (
                  <div id="histogram" className="scroll-mt-4">
                    <ChartCard
                      title={<>Reference vs current: <code className="break-all">{selected.column}</code></>}
                      description={`Share of rows per ${selected.histogram.kind === "numeric" ? "bin" : "category"}, reference (training) against current (scored). ${selected.drifted ? "This column drifted." : "No drift in this column."}`}
                      label={`Bar chart of the share of rows per ${selected.histogram.kind === "numeric" ? "bin" : "category"} of ${selected.column}, reference against current`}
                      data={{
                        columns: [selected.histogram.kind === "numeric" ? "Bin" : "Category", "Reference %", "Current %"],
                        rows: histogramBinRows(selected.histogram).map((r) => [r.bin, r.reference, r.current]),
                      }}
                      heightClass=""
                    >
                      <div style={{ height: 72 + histogramBinRows(selected.histogram).length * 40 /* two bars per bin, plus legend and axis */ }}>
                        <ColumnHistogramChart rows={histogramBinRows(selected.histogram)} />
                      </div>
                    </ChartCard>
                  </div>
                )}
              </CardContent>
            </Card>

            {latest.reportKey ? (
              <DriftReportCard reportKey={latest.reportKey} datasetTitle={title} checkedAt={latest.createdAt} />
            ) : (
              <EmptyState icon={FileWarningIcon} title="The latest check stored no report">
                Run the check again to store one: <code>{pipelineCommand("drift", dataset)}</code>.
              </EmptyState>
            )}
          </>
        )}

        <PsiCheckCard runs={psiChecks} />

        {scoringRuns.length > 0 ? (
          <>
            <ScoreProxyCard runs={scoringRuns} datasetTitle={title} />
            <PerformanceSection
              dataset={dataset}
              datasetTitle={title}
              runs={performanceRuns}
              realised={realisedRun ? { run: realisedRun, rows: segmentRows } : null}
              segment={segment}
              column={query.column}
              prAucThreshold={getEnv().PR_AUC_SHADOW_THRESHOLD}
              minSegmentRows={MIN_SEGMENT_ROWS}
            />
          </>
        ) : (
          <EmptyState icon={ActivityIcon} title={`${title} has not been scored yet`}>
            The score proxy (how the churn probabilities are spread) and the performance estimate appear once <code>{pipelineCommand("score", dataset)}</code> has run;
            realised performance once labels arrive, {labelTiming(dataset)}.
          </EmptyState>
        )}
      </div>
    </>
  );
}
