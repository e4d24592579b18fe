import type { Metadata } from "next";
import { pipelines } from "../../lib/pipelines/catalog.ts";
import { listRuns } from "../../lib/pipelines/run-queries.ts";
import { Pagination } from "../../lib/ui/pagination.tsx";
import { filterQuery, runFilterSchema } from "../../lib/ui/run-filters.ts";
import { RunsFilterForm } from "../../lib/ui/runs-filter-form.tsx";
import { RunsTable } from "../../lib/ui/runs-table.tsx";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Runs" };

const PAGE_SIZE = 25;

export default async function RunsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const parsed = runFilterSchema.safeParse(await searchParams);
  const filter = parsed.success ? parsed.data : runFilterSchema.parse({});
  const { runs, total, page } = await listRuns({ pipelineId: filter.pipelineId, status: filter.status, page: filter.page, pageSize: PAGE_SIZE });
  const query = filterQuery(filter);
  return (
    <>
      <h1>Runs</h1>
      {!parsed.success && (
        <p role="alert" className="alert">
          Some filters in the address were not valid and were ignored: {parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}.
        </p>
      )}
      <div className="toolbar">
        <RunsFilterForm pipelineIds={pipelines.map((p) => p.id)} pipelineId={filter.pipelineId} status={filter.status} />
        <a href={`/api/runs.csv${query ? `?${query}` : ""}`} download>
          Download CSV
        </a>
      </div>
      <RunsTable runs={runs} />
      <Pagination label="Runs pages" page={page} pageSize={PAGE_SIZE} total={total} hrefOf={(p) => `/runs?${filterQuery(filter, { page: p })}`} />
    </>
  );
}
