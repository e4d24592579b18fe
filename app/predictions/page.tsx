import { DownloadIcon, UsersIcon } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { datasetLabel, pipelineCommand } from "../../lib/predictions/dataset-label.ts";
import { monitoredDatasets } from "../../lib/predictions/monitored-datasets.ts";
import { parsePredictionQueryLenient, predictionQueryString } from "../../lib/predictions/prediction-filters.ts";
import { listRunPredictions } from "../../lib/predictions/run-predictions.ts";
import { getScoringRun, listScoringRuns } from "../../lib/predictions/scoring-runs.ts";
import { Alert } from "../../lib/ui/components/alert.tsx";
import { Button } from "../../lib/ui/components/button.tsx";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "../../lib/ui/components/card.tsx";
import { DataTablePagination } from "../../lib/ui/components/data-table-pagination.tsx";
import { EmptyState } from "../../lib/ui/components/empty-state.tsx";
import { PageHeader } from "../../lib/ui/components/page-header.tsx";
import { Stat } from "../../lib/ui/components/stat.tsx";
import { DatasetTabs } from "../../lib/ui/dataset-tabs.tsx";
import { formatShare } from "../../lib/ui/dq-format.ts";
import { artifactHref, formatCount, formatDateTime, formatDuration, shortId } from "../../lib/ui/format.ts";
import { PredictionsFilterForm } from "../../lib/ui/predictions/predictions-filter-form.tsx";
import { PredictionsTable } from "../../lib/ui/predictions/predictions-table.tsx";
import { ScoreProxyCard } from "../../lib/ui/predictions/score-proxy-card.tsx";
import { ScoringRunsTable } from "../../lib/ui/predictions/scoring-runs-table.tsx";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Predictions" };

const PAGE_SIZE = 50;
const score = (x: number | null) => (x === null ? "—" : x.toFixed(3));

export default async function PredictionsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { query, issues } = parsePredictionQueryLenient(await searchParams);
  const datasets = await monitoredDatasets();
  const scored = datasets.filter((d) => d.scoringRuns > 0);

  const header = <PageHeader title="Predictions" description="Who the champion model says is about to churn, and why: every batch scoring run, its customers ranked by churn probability, and downloads." />;
  if (scored.length === 0) {
    return (
      <>
        {header}
        <EmptyState icon={UsersIcon} title="No customers scored yet" action={<Button asChild variant="outline"><Link href="/pipelines">Open Pipelines</Link></Button>}>
          Train a model first, then score: run <code>churnops run score-elearning</code> (or <code>score-wallet</code>, <code>score-table</code>) in a terminal, or start a
          scoring pipeline from the Pipelines page. Each run ranks every customer by churn probability and explains the top ones.
        </EmptyState>
      </>
    );
  }

  // The run decides the dataset when both are given and disagree (a shared link to an old run keeps working).
  const requestedRun = query.run ? await getScoringRun(query.run) : null;
  if (query.run && !requestedRun) issues.push(`run: there is no scoring run ${query.run}; showing the latest`);
  const dataset = requestedRun?.dataset ?? (datasets.some((d) => d.dataset === query.dataset) ? query.dataset! : scored[0]!.dataset);
  const title = datasetLabel(dataset);
  const runs = await listScoringRuns(dataset);
  const run = requestedRun ?? runs[0] ?? null;
  const tabs = <DatasetTabs datasets={datasets.map((d) => d.dataset)} current={dataset} hrefOf={(d) => `/predictions?${predictionQueryString({ dataset: d })}`} />;

  if (!run) {
    return (
      <>
        {header}
        {tabs}
        <EmptyState icon={UsersIcon} title={`${title} has not been scored yet`} action={<Button asChild variant="outline"><Link href="/pipelines">Open Pipelines</Link></Button>}>
          Run <code>{pipelineCommand("score", dataset)}</code> in a terminal, or start it from the Pipelines page.
        </EmptyState>
      </>
    );
  }

  const filter = { runId: run.runId, band: query.band, q: query.q };
  const view = { dataset, run: run.runId === runs[0]?.runId ? undefined : run.runId };
  const result = await listRunPredictions(filter, query.page, PAGE_SIZE);
  const filtered = Boolean(query.band || query.q);
  const csvQuery = predictionQueryString({ run: run.runId, band: query.band, q: query.q });
  const isLatest = run.runId === runs[0]?.runId;

  return (
    <>
      {header}
      {tabs}
      {issues.length > 0 && (
        <Alert role="alert" variant="warning" className="mb-4">
          Some parameters were not valid and were ignored: {issues.join("; ")}.
        </Alert>
      )}
      <div className="flex min-w-0 flex-col gap-6">
        <Card aria-labelledby="scoring-run-title">
          <CardHeader>
            <div className="min-w-0">
              <CardTitle id="scoring-run-title">{isLatest ? "Latest scoring run" : "Scoring run"}</CardTitle>
              <CardDescription>
                {title}, scored {formatDateTime(run.createdAt)} by {run.model} v{run.version} ({run.family}, in {run.scoredIn === "postgres" ? "Postgres" : "Node"}, {formatDuration(run.durationMs)})
                {run.asOf ? `, as of ${run.asOf}` : ""}.{" "}
                {!isLatest && <Link href={`/predictions?${predictionQueryString({ dataset })}`}>Show the latest run</Link>}
              </CardDescription>
            </div>
          </CardHeader>
          <CardContent className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
            <Stat label="Customers scored" value={formatCount(run.rows)} />
            <Stat
              label="High risk"
              value={run.highRiskCount === null ? "—" : formatCount(run.highRiskCount)}
              tone={run.highRiskCount ? "destructive" : "default"}
              hint={`${formatShare(run.highRiskRate)} at or above ${run.highRiskThreshold}`}
            />
            <Stat label="Mean churn probability" value={score(run.mean)} hint={`median ${score(run.p50)}`} />
            <Stat label="p90 / p99" value={`${score(run.p90)} / ${score(run.p99)}`} hint="9 in 10 (99 in 100) customers score below" />
          </CardContent>
          <CardFooter>
            {run.csvKey && (
              <Button asChild variant="outline" size="sm">
                <a href={artifactHref(run.csvKey)} download>
                  <DownloadIcon aria-hidden />
                  Download all {formatCount(run.rows)} scores (CSV)
                </a>
              </Button>
            )}
            <Button asChild variant="outline" size="sm">
              <Link href={`/runs/${run.runId}`}>Open run {shortId(run.runId)}</Link>
            </Button>
          </CardFooter>
        </Card>

        <Card aria-labelledby="at-risk-title">
          <CardHeader>
            <div className="min-w-0">
              <CardTitle id="at-risk-title">Who is at risk and why</CardTitle>
              <CardDescription>
                Ranked by churn probability. &ldquo;Why&rdquo; lists each of the top customers&rsquo; three largest contributions to the score: ↑ raised the risk, ↓ lowered it
                (hover or focus for the value).
              </CardDescription>
            </div>
          </CardHeader>
          <CardContent>
            <PredictionsTable
              rows={result.rows}
              filters={
                <PredictionsFilterForm
                  // Remount when the filters change: a client navigation (Clear, a shared link) must reset the
                  // uncontrolled fields, which keep their typed values otherwise.
                  key={`${run.runId}|${query.band ?? ""}|${query.q ?? ""}`}
                  dataset={dataset}
                  runId={run.runId}
                  band={query.band}
                  q={query.q}
                  bandCounts={result.bandCounts}
                  clearHref={filtered ? `/predictions?${predictionQueryString(view)}` : undefined}
                />
              }
              actions={
                <Button asChild variant="outline" size="sm">
                  <a href={`/api/predictions.csv?${csvQuery}`} download aria-label={filtered ? "Download these customers as CSV" : "Download this table as CSV"}>
                    <DownloadIcon aria-hidden />
                    {filtered ? "These customers (CSV)" : "Table (CSV)"}
                  </a>
                </Button>
              }
              footer={
                <DataTablePagination
                  label="Customer pages"
                  page={result.page}
                  pageSize={PAGE_SIZE}
                  total={result.total}
                  unit={["customer", "customers"]}
                  testId="predictions-page-info"
                  hrefOf={(p) => `/predictions?${predictionQueryString({ ...view, band: query.band, q: query.q }, { page: p })}`}
                />
              }
            />
          </CardContent>
        </Card>

        <ScoreProxyCard runs={runs} datasetTitle={title} />

        <Card aria-labelledby="scoring-runs-title">
          <CardHeader>
            <div className="min-w-0">
              <CardTitle id="scoring-runs-title">Scoring runs</CardTitle>
              <CardDescription>Newest first. Pick a time to see that run&rsquo;s customers; the CSV is the full ranked list as scored.</CardDescription>
            </div>
          </CardHeader>
          <CardContent>
            <ScoringRunsTable
              runs={runs.map((r, i) => ({ ...r, selected: r.runId === run.runId, viewHref: `/predictions?${predictionQueryString({ dataset, run: i === 0 ? undefined : r.runId })}` }))}
            />
          </CardContent>
        </Card>
      </div>
    </>
  );
}
