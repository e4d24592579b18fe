import { Button } from "./components/button.tsx";
import { SelectFilter } from "./select-filter.tsx";

interface DqRunsFilterFormProps {
  sources: readonly string[];
  suites: readonly string[];
  source?: string;
  suite?: string;
}

/** A plain GET form: filtering is just query parameters, so filtered views can be bookmarked and shared. */
export function DqRunsFilterForm({ sources, suites, source, suite }: DqRunsFilterFormProps) {
  return (
    <form method="get" action="/data/quality" className="flex flex-wrap items-end gap-3" aria-label="Filter validation runs">
      <SelectFilter label="Source" name="source" allLabel="All sources" options={sources} value={source} />
      <SelectFilter label="Suite" name="suite" allLabel="All suites" options={suites} value={suite} />
      <Button type="submit" variant="secondary">
        Filter
      </Button>
    </form>
  );
}
