import type { Metadata } from "next";
import { listRejects } from "../../../lib/quality/quality-queries.ts";
import { optionList } from "../../../lib/ui/dq-filters.ts";
import { RejectsFilterForm } from "../../../lib/ui/rejects-filter-form.tsx";
import { parseRejectQueryLenient, rejectFilterQuery, rejectQueryObject } from "../../../lib/ui/rejects-filters.ts";
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
  return (
    <>
      <h1>Rejected rows</h1>
      <p className="muted">Rows that broke a fail-severity expectation, with the reason, the file and line they came from.</p>
      {issues.length > 0 && (
        <p role="alert" className="alert">
          Some filters were not valid and were ignored: {issues.join("; ")}.
        </p>
      )}
      <div className="toolbar">
        <RejectsFilterForm sources={optionList(result.options.sources, filter.source)} suites={optionList(result.options.suites, filter.suite)} values={query} />
        <a href={`/api/rejects.csv${filterQuery ? `?${filterQuery}` : ""}`} download>
          Download CSV
        </a>
      </div>
      <RejectsReasonChart counts={result.countsByReason} />
      <RejectsTable rows={result.rows} />
      <RejectsPagination page={result.page} pageSize={PAGE_SIZE} total={result.total} hrefOf={(p) => `/data/rejects?${rejectFilterQuery(filter, { page: p })}`} />
    </>
  );
}
