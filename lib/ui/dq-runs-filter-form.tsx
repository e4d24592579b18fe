interface DqRunsFilterFormProps {
  sources: readonly string[];
  suites: readonly string[];
  source?: string;
  suite?: string;
}

/** A plain GET form: filtering is just query parameters, so filtered views can be bookmarked and shared. */
export function DqRunsFilterForm({ sources, suites, source, suite }: DqRunsFilterFormProps) {
  return (
    <form method="get" action="/data/quality" className="filters" aria-label="Filter validation runs">
      <label>
        Source
        <select name="source" defaultValue={source ?? ""}>
          <option value="">All sources</option>
          {sources.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </label>
      <label>
        Suite
        <select name="suite" defaultValue={suite ?? ""}>
          <option value="">All suites</option>
          {suites.map((s) => (
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
