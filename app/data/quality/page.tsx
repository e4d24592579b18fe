import type { Metadata } from "next";
import Link from "next/link";
import { listDqRuns, unexpectedTrend } from "../../../lib/quality/quality-queries.ts";
import { dqFilterQuery, dqRunFilterSchema, optionList } from "../../../lib/ui/dq-filters.ts";
import { DqRunsFilterForm } from "../../../lib/ui/dq-runs-filter-form.tsx";
import { DqRunsTable } from "../../../lib/ui/dq-runs-table.tsx";
import { Pagination } from "../../../lib/ui/pagination.tsx";
import { QualityTrendChart } from "../../../lib/ui/quality-trend-chart.tsx";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Data quality" };

const PAGE_SIZE = 25;
/** Recent validations whose sources and suites fill the filter selects. */
const OPTION_WINDOW = 200;

export default async function QualityPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const parsed = dqRunFilterSchema.safeParse(await searchParams);
  const filter = parsed.success ? parsed.data : dqRunFilterSchema.parse({});
  const [list, trend, recent] = await Promise.all([
    listDqRuns({ source: filter.source, suite: filter.suite, page: filter.page, pageSize: PAGE_SIZE }),
    unexpectedTrend(50),
    listDqRuns({ pageSize: OPTION_WINDOW }),
  ]);
  return (
    <>
      <h1>Data quality</h1>
      <p className="muted">
        Every validation of a raw table against its expectation suite. Rows that break a fail-severity expectation are listed on{" "}
        <Link href="/data/rejects">Rejected rows</Link>.
      </p>
      {!parsed.success && (
        <p role="alert" className="alert">
          Some filters in the address were not valid and were ignored: {parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}.
        </p>
      )}
      <QualityTrendChart points={trend} />
      <DqRunsFilterForm
        sources={optionList(recent.runs.map((r) => r.source), filter.source)}
        suites={optionList(recent.runs.map((r) => r.suite), filter.suite)}
        source={filter.source}
        suite={filter.suite}
      />
      <DqRunsTable runs={list.runs} />
      <Pagination label="Validation runs pages" page={list.page} pageSize={PAGE_SIZE} total={list.total} hrefOf={(p) => `/data/quality?${dqFilterQuery(filter, { page: p })}`} />
    </>
  );
}
