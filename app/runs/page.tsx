import type { Metadata } from "next";
import { runActivity } from "../../lib/overview/run-wait.ts";
import { pipelines } from "../../lib/pipelines/catalog.ts";
import { listRuns } from "../../lib/pipelines/run-queries.ts";
import { Alert } from "../../lib/ui/components/alert.tsx";
import { Button } from "../../lib/ui/components/button.tsx";
import { DataTablePagination } from "../../lib/ui/components/data-table-pagination.tsx";
import { PageHeader } from "../../lib/ui/components/page-header.tsx";
import { LiveRefresh } from "../../lib/ui/live-refresh.tsx";
import { filterQuery, runFilterSchema } from "../../lib/ui/run-filters.ts";
import { RunsFilterForm } from "../../lib/ui/runs-filter-form.tsx";
import { RunsTable } from "../../lib/ui/runs-table.tsx";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Runs" };

const PAGE_SIZE = 25;

export default async function RunsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const parsed = runFilterSchema.safeParse(await searchParams);
  const filter = parsed.success ? parsed.data : runFilterSchema.parse({});
  // Activity first: a run finishing during the list query then changes the signature the live refresh compares.
  const activity = await runActivity();
  const { runs, total, page } = await listRuns({ pipelineId: filter.pipelineId, status: filter.status, page: filter.page, pageSize: PAGE_SIZE });
  const query = filterQuery(filter);
  return (
    <>
      <PageHeader title="Runs" description="Every pipeline run, newest first. The list updates by itself while a run is queued or running." />
      <LiveRefresh activity={activity} />
      {!parsed.success && (
        <Alert variant="warning" role="alert" className="mb-4">
          Some filters in the address were not valid and were ignored: {parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}.
        </Alert>
      )}
      <RunsTable
        runs={runs}
        hidden={["executor"]}
        filters={<RunsFilterForm pipelineIds={pipelines.map((p) => p.id)} pipelineId={filter.pipelineId} status={filter.status} />}
        actions={
          <Button asChild variant="outline" size="sm">
            <a href={`/api/runs.csv${query ? `?${query}` : ""}`} download>
              Download CSV
            </a>
          </Button>
        }
        footer={<DataTablePagination label="Runs pages" page={page} pageSize={PAGE_SIZE} total={total} hrefOf={(p) => `/runs?${filterQuery(filter, { page: p })}`} />}
      />
    </>
  );
}
