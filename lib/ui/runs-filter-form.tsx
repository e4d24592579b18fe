import { Button } from "./components/button.tsx";
import { Field } from "./components/field.tsx";
import { Select } from "./components/select.tsx";
import { RUN_STATUSES } from "./run-status.ts";

interface RunsFilterFormProps {
  pipelineIds: readonly string[];
  pipelineId?: string;
  status?: string;
}

/** A plain GET form: filtering is just query parameters, so filtered views can be bookmarked and shared. */
export function RunsFilterForm({ pipelineIds, pipelineId, status }: RunsFilterFormProps) {
  const select = (name: string, all: string, options: readonly string[], value?: string) => (
    <Select name={name} defaultValue={value ?? ""}>
      <option value="">{all}</option>
      {options.map((o) => (
        <option key={o} value={o}>
          {o}
        </option>
      ))}
    </Select>
  );
  return (
    <form method="get" action="/runs" aria-label="Filter runs" className="flex flex-wrap items-end gap-3">
      <Field id="runs-pipeline" label="Pipeline" className="w-56">
        {select("pipelineId", "All pipelines", pipelineIds, pipelineId)}
      </Field>
      <Field id="runs-status" label="Status" className="w-44">
        {select("status", "All statuses", RUN_STATUSES, status)}
      </Field>
      <Button type="submit" variant="secondary">
        Filter
      </Button>
    </form>
  );
}
