import type { Json } from "../pipelines/pipeline-definition.ts";

/** A run's parameters as a key/value table (nested values as compact JSON). */
export function ParamsTable({ params }: { params: Json }) {
  const entries = params && typeof params === "object" && !Array.isArray(params) ? Object.entries(params) : [];
  if (entries.length === 0) return <p className="muted">No parameters.</p>;
  return (
    <table className="compact">
      <caption>Parameters</caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Value</th>
        </tr>
      </thead>
      <tbody>
        {entries.map(([k, v]) => (
          <tr key={k}>
            <th scope="row">{k}</th>
            <td>
              <code>{typeof v === "string" ? v : JSON.stringify(v)}</code>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
