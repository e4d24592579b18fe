import { ShieldCheckIcon } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { runActivity } from "../../../lib/overview/run-wait.ts";
import { LiveRefresh } from "../../../lib/ui/live-refresh.tsx";
import { listDqRuns, unexpectedTrend } from "../../../lib/quality/quality-queries.ts";
import { Alert } from "../../../lib/ui/components/alert.tsx";
import { Button } from "../../../lib/ui/components/button.tsx";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "../../../lib/ui/components/card.tsx";
import { ChartCard } from "../../../lib/ui/components/chart-card.tsx";
import { EmptyState } from "../../../lib/ui/components/empty-state.tsx";
import { PageHeader } from "../../../lib/ui/components/page-header.tsx";
import { dqFilterQuery, dqRunFilterSchema, optionList } from "../../../lib/ui/dq-filters.ts";
import { DqRunsFilterForm } from "../../../lib/ui/dq-runs-filter-form.tsx";
import { DqRunsTable } from "../../../lib/ui/dq-runs-table.tsx";
import { Pagination } from "../../../lib/ui/pagination.tsx";
import { QualityTrendChart } from "../../../lib/ui/quality-trend-chart.tsx";
import { trendSeries, trendTable } from "../../../lib/ui/quality-trend-data.ts";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Data quality" };

const PAGE_SIZE = 25;
/** Recent validations whose sources and suites fill the filter selects. */
const OPTION_WINDOW = 200;
/** Validations drawn in the trend chart. */
const TREND_POINTS = 50;

export default async function QualityPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const parsed = dqRunFilterSchema.safeParse(await searchParams);
  const filter = parsed.success ? parsed.data : dqRunFilterSchema.parse({});
  // Read first: a run finishing while the page renders then triggers one more refresh, never a half-updated page.
  const activity = await runActivity();
  const [list, trend, recent] = await Promise.all([
    listDqRuns({ source: filter.source, suite: filter.suite, page: filter.page, pageSize: PAGE_SIZE }),
    unexpectedTrend(TREND_POINTS),
    listDqRuns({ pageSize: OPTION_WINDOW }),
  ]);
  const header = (
    <>
    <LiveRefresh activity={activity} />
    <PageHeader
      title="Data quality"
      description={
        <>
          Every validation of a raw table against its expectation suite. Rows that break a fail-severity expectation are listed on{" "}
          <Link href="/data/rejects">Rejected rows</Link>.
        </>
      }
      actions={
        <Button asChild variant="outline">
          <Link href="/data/rejects">Rejected rows</Link>
        </Button>
      }
    />
    </>
  );
  // Nothing validated yet: say it once, with what to do, instead of an empty chart and an empty table.
  if (recent.total === 0) {
    return (
      <>
        {header}
        <EmptyState
          icon={ShieldCheckIcon}
          title="No validations yet"
          action={
            <Button asChild>
              <Link href="/pipelines">Go to Pipelines</Link>
            </Button>
          }
        >
          Every load is validated against its expectation suite. Run a pipeline (for example “E-learning sample data”) or upload a dataset, and its
          validations appear here.
        </EmptyState>
      </>
    );
  }
  return (
    <>
      {header}
      {!parsed.success && (
        <Alert role="alert" variant="warning" className="mb-4">
          Some filters in the address were not valid and were ignored: {parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}.
        </Alert>
      )}
      <div className="flex min-w-0 flex-col gap-6">
        <ChartCard
          title="Unexpected rows over time"
          description={`Worst unexpected percent of each validation, by suite (latest ${TREND_POINTS} validations).`}
          label="Unexpected percent trend"
          data={trendTable(trend)}
          heightClass="h-72"
        >
          <QualityTrendChart series={trendSeries(trend)} />
        </ChartCard>
        <Card aria-labelledby="dq-runs-title">
          <CardHeader>
            <div>
              <CardTitle id="dq-runs-title">Validation runs</CardTitle>
              <CardDescription>Newest first. Open a suite for its expectations and failing samples.</CardDescription>
            </div>
          </CardHeader>
          <CardContent>
            <DqRunsTable
              runs={list.runs}
              filters={
                <DqRunsFilterForm
                  sources={optionList(recent.runs.map((r) => r.source), filter.source)}
                  suites={optionList(recent.runs.map((r) => r.suite), filter.suite)}
                  source={filter.source}
                  suite={filter.suite}
                />
              }
              footer={
                <Pagination
                  label="Validation runs pages"
                  page={list.page}
                  pageSize={PAGE_SIZE}
                  total={list.total}
                  hrefOf={(p) => `/data/quality?${dqFilterQuery(filter, { page: p })}`}
                  unit={["validation", "validations"]}
                />
              }
            />
          </CardContent>
        </Card>
      </div>
    </>
  );
}
