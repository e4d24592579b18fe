import { SelectFilter } from "./select-filter.tsx";
import { RUN_STATUSES } from "./run-status.ts";

interface RunsFilterFormProps {
  pipelineIds: readonly string[];
  pipelineId?: string;
  status?: string;
}

/** A plain GET form: filtering is just query parameters, so filtered views can be bookmarked and shared. */
export function RunsFilterForm({ pipelineIds, pipelineId, status }: RunsFilterFormProps) {
  return (
    <form method="get" action="/runs" className="filters" aria-label="Filter runs">
      <SelectFilter label="Pipeline" name="pipelineId" allLabel="All pipelines" options={pipelineIds} value={pipelineId} />
      <SelectFilter label="Status" name="status" allLabel="All statuses" options={RUN_STATUSES} value={status} />
      <button type="submit">Filter</button>
    </form>
  );
}
