import { Button } from "./components/button.tsx";
import { Input } from "./components/input.tsx";
import { SelectFilter } from "./select-filter.tsx";

interface RejectsFilterFormProps {
  sources: readonly string[];
  suites: readonly string[];
  /** The values as typed (also invalid ones, so they can be corrected). */
  values: Partial<Record<"source" | "suite" | "reasonCode" | "runId" | "from" | "to", string>>;
}

const LABEL = "flex min-w-0 flex-col gap-1.5 text-sm font-medium";

/** A plain GET form: filtering is just query parameters, so filtered views (and their CSV) can be shared. */
export function RejectsFilterForm({ sources, suites, values }: RejectsFilterFormProps) {
  return (
    <form method="get" action="/data/rejects" className="flex flex-wrap items-end gap-3" aria-label="Filter rejected rows">
      <SelectFilter label="Source" name="source" allLabel="All sources" options={sources} value={values.source} />
      <SelectFilter label="Suite" name="suite" allLabel="All suites" options={suites} value={values.suite} />
      <label className={LABEL}>
        Reason code
        <Input type="text" name="reasonCode" defaultValue={values.reasonCode ?? ""} placeholder="e.g. USER_UNKNOWN" maxLength={100} className="w-52 font-normal" />
      </label>
      <label className={LABEL}>
        Run id
        <Input type="text" name="runId" defaultValue={values.runId ?? ""} placeholder="UUID" maxLength={36} spellCheck={false} className="w-80 max-w-full font-normal" />
      </label>
      <label className={LABEL}>
        From
        <Input type="date" name="from" defaultValue={values.from ?? ""} className="w-40 font-normal" />
      </label>
      <label className={LABEL}>
        To
        <Input type="date" name="to" defaultValue={values.to ?? ""} className="w-40 font-normal" />
      </label>
      <Button type="submit" variant="secondary">
        Filter
      </Button>
    </form>
  );
}
