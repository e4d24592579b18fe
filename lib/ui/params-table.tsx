import type { Json } from "../pipelines/pipeline-definition.ts";
import { labelOf } from "./param-fields.ts";

/** A run's parameters as label/value lines (nested values as compact JSON); stacks on a phone. */
export function ParamsTable({ params }: { params: Json }) {
  const entries = params && typeof params === "object" && !Array.isArray(params) ? Object.entries(params) : [];
  if (entries.length === 0) return <p className="m-0 text-sm text-muted-foreground">No parameters: the pipeline's defaults.</p>;
  return (
    <dl className="m-0 grid grid-cols-1 gap-x-6 gap-y-2 sm:grid-cols-2 lg:grid-cols-3">
      {entries.map(([k, v]) => (
        <div key={k} className="flex min-w-0 flex-col">
          <dt className="text-xs text-muted-foreground">
            {labelOf(k)} <code className="text-[0.7rem]">{k}</code>
          </dt>
          <dd className="m-0 text-sm break-all">{typeof v === "string" ? v : JSON.stringify(v)}</dd>
        </div>
      ))}
    </dl>
  );
}
