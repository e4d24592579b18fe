import { DownloadIcon, InboxIcon, ShieldCheckIcon } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { listRejects } from "../../../lib/quality/quality-queries.ts";
import { Alert } from "../../../lib/ui/components/alert.tsx";
import { Button } from "../../../lib/ui/components/button.tsx";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "../../../lib/ui/components/card.tsx";
import { ChartCard } from "../../../lib/ui/components/chart-card.tsx";
import { EmptyState } from "../../../lib/ui/components/empty-state.tsx";
import { PageHeader } from "../../../lib/ui/components/page-header.tsx";
import { optionList } from "../../../lib/ui/dq-filters.ts";
import { formatCount, shortId } from "../../../lib/ui/format.ts";
import { RejectsFilterForm } from "../../../lib/ui/rejects-filter-form.tsx";
import { parseRejectQueryLenient, rejectFilterQuery, rejectQueryObject, REJECT_FILTER_KEYS } from "../../../lib/ui/rejects-filters.ts";
import { RejectsPagination } from "../../../lib/ui/rejects-pagination.tsx";
import { RejectsReasonChart } from "../../../lib/ui/rejects-reason-chart.tsx";
import { RejectsTable } from "../../../lib/ui/rejects-table.tsx";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Rejected rows" };

const PAGE_SIZE = 50;

export default async function RejectsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const query = rejectQueryObject(await searchParams);
  // Bad values (from=yesterday, a run id that is not a UUID) are named in the alert; the valid filters still apply.
  const { filter, issues } = parseRejectQueryLenient(query);
  const result = await listRejects({ ...filter, pageSize: PAGE_SIZE });
  const filterQuery = rejectFilterQuery(filter);
  const filtered = REJECT_FILTER_KEYS.some((k) => filter[k]);
  return (
    <>
      <PageHeader
        title="Rejected rows"
        description="Rows that broke a fail-severity expectation, with the reason, the file and line they came from. They are kept out of the staging tables."
        actions={
          <>
            {filter.runId && (
              <Button asChild variant="outline" size="sm">
                <Link href={`/runs/${filter.runId}`}>Open run {shortId(filter.runId)}</Link>
              </Button>
            )}
            <Button asChild variant="outline" size="sm">
              <Link href="/data/quality">
                <ShieldCheckIcon aria-hidden />
                Validation reports
              </Link>
            </Button>
          </>
        }
      />
      {issues.length > 0 && (
        <Alert role="alert" variant="warning" className="mb-4">
          Some filters were not valid and were ignored: {issues.join("; ")}.
        </Alert>
      )}
      <div className="flex min-w-0 flex-col gap-6">
        <Card aria-labelledby="rejects-filter-title">
          <CardHeader>
            <CardTitle id="rejects-filter-title">Filter</CardTitle>
            <Button asChild variant="outline" size="sm">
              <a href={`/api/rejects.csv${filterQuery ? `?${filterQuery}` : ""}`} download>
                <DownloadIcon aria-hidden />
                Download CSV
              </a>
            </Button>
          </CardHeader>
          <CardContent>
            <RejectsFilterForm sources={optionList(result.options.sources, filter.source)} suites={optionList(result.options.suites, filter.suite)} values={query} />
          </CardContent>
        </Card>
        {result.total === 0 ? (
          // Said once: no chart (there is nothing to draw) and no empty table under it.
          <EmptyState
            icon={InboxIcon}
            title={filtered ? "No rejected rows match these filters" : "No rejected rows"}
            action={
              filtered ? (
                <Button asChild variant="outline">
                  <Link href="/data/rejects">Clear the filters</Link>
                </Button>
              ) : undefined
            }
          >
            {filtered ? "Try a wider date range or another suite." : "Every validated row so far passed its fail-severity expectations."}
          </EmptyState>
        ) : (
          <>
            <ChartCard
              title="By reason code"
              description={`${formatCount(result.total)} rejected ${result.total === 1 ? "row" : "rows"} match the filters.`}
              label="Rejected rows by reason code"
              data={{ columns: ["Reason code", "Rejected rows"], rows: result.countsByReason.map((c) => [c.reasonCode, c.count]) }}
              heightClass=""
            >
              <div style={{ height: 64 + result.countsByReason.length * 36 /* one bar per reason code, plus the axis */ }}>
                <RejectsReasonChart counts={result.countsByReason} />
              </div>
            </ChartCard>
            <Card aria-labelledby="rejects-title">
              <CardHeader>
                <div>
                  <CardTitle id="rejects-title">Rows</CardTitle>
                  <CardDescription>Newest first. Each row links to the run that loaded it and to its validation report.</CardDescription>
                </div>
              </CardHeader>
              <CardContent>
                <RejectsTable
                  rows={result.rows}
                  footer={<RejectsPagination page={result.page} pageSize={PAGE_SIZE} total={result.total} hrefOf={(p) => `/data/rejects?${rejectFilterQuery(filter, { page: p })}`} />}
                />
              </CardContent>
            </Card>
          </>
        )}
      </div>
    </>
  );
}
