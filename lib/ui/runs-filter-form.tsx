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
      <label>
        Pipeline
        <select name="pipelineId" defaultValue={pipelineId ?? ""}>
          <option value="">All pipelines</option>
          {pipelineIds.map((id) => (
            <option key={id} value={id}>
              {id}
            </option>
          ))}
        </select>
      </label>
      <label>
        Status
        <select name="status" defaultValue={status ?? ""}>
          <option value="">All statuses</option>
          {RUN_STATUSES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </label>
      <button type="submit">Filter</button>
    </form>
  );
}
