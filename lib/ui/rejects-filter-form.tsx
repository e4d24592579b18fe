import { SelectFilter } from "./select-filter.tsx";
interface RejectsFilterFormProps {
  sources: readonly string[];
  suites: readonly string[];
  /** The values as typed (also invalid ones, so they can be corrected). */
  values: Partial<Record<"source" | "suite" | "reasonCode" | "runId" | "from" | "to", string>>;
}

/** Field text in normal weight (the labels around them are bold). */
const INPUT = { fontWeight: "normal" } as const;

/** A plain GET form: filtering is just query parameters, so filtered views (and their CSV) can be shared. */
export function RejectsFilterForm({ sources, suites, values }: RejectsFilterFormProps) {
  return (
    <form method="get" action="/data/rejects" className="filters" aria-label="Filter rejected rows">
      <SelectFilter label="Source" name="source" allLabel="All sources" options={sources} value={values.source} />
      <SelectFilter label="Suite" name="suite" allLabel="All suites" options={suites} value={values.suite} />
      <label>
        Reason code
        <input type="text" name="reasonCode" defaultValue={values.reasonCode ?? ""} placeholder="e.g. USER_UNKNOWN" maxLength={100} size={24} style={INPUT} />
      </label>
      <label>
        Run id
        <input type="text" name="runId" defaultValue={values.runId ?? ""} placeholder="UUID" maxLength={36} size={38} spellCheck={false} style={INPUT} />
      </label>
      <label>
        From
        <input type="date" name="from" defaultValue={values.from ?? ""} style={INPUT} />
      </label>
      <label>
        To
        <input type="date" name="to" defaultValue={values.to ?? ""} style={INPUT} />
      </label>
      <button type="submit">Filter</button>
    </form>
  );
}
