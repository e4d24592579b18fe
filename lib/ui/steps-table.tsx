import type { StepView } from "../pipelines/run-queries.ts";
import { formatDuration } from "./format.ts";
import { StatusBadge } from "./status-badge.tsx";

/** The step timeline of a run, in execution order. */
export function StepsTable({ steps }: { steps: readonly StepView[] }) {
  return (
    <table>
      <caption>Steps</caption>
      <thead>
        <tr>
          <th scope="col">Step</th>
          <th scope="col">Status</th>
          <th scope="col">Duration</th>
          <th scope="col">Attempts</th>
          <th scope="col">Output</th>
          <th scope="col">Error</th>
        </tr>
      </thead>
      <tbody>
        {steps.map((s) => (
          <tr key={s.stepId}>
            <th scope="row">{s.title}</th>
            <td>
              <StatusBadge status={s.status} />
            </td>
            <td>{formatDuration(s.durationMs)}</td>
            <td className="num">{s.attempts}</td>
            <td>{s.output === null ? "—" : <code className="json">{JSON.stringify(s.output)}</code>}</td>
            <td className="error-text">{s.errorMessage ?? ""}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
