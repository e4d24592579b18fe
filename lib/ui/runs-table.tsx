import { EmptyRow } from "./empty-row.tsx";
import Link from "next/link";
import type { RunSummary } from "../pipelines/run-queries.ts";
import { formatDateTime, formatDuration, shortId, truncate } from "./format.ts";
import { StatusBadge } from "./status-badge.tsx";

/** One page of runs, newest first. */
export function RunsTable({ runs }: { runs: readonly RunSummary[] }) {
  return (
    <table>
      <caption>Pipeline runs</caption>
      <thead>
        <tr>
          <th scope="col">Run</th>
          <th scope="col">Pipeline</th>
          <th scope="col">Status</th>
          <th scope="col">Trigger</th>
          <th scope="col">Executor</th>
          <th scope="col">Created</th>
          <th scope="col">Duration</th>
          <th scope="col">Error</th>
        </tr>
      </thead>
      <tbody>
        {runs.length === 0 ? (
          <EmptyRow columns={8}>No runs match these filters.</EmptyRow>
        ) : (
          runs.map((r) => (
            <tr key={r.id}>
              <td>
                <Link href={`/runs/${r.id}`} aria-label={`Run ${shortId(r.id)}`}>
                  <code>{shortId(r.id)}</code>
                </Link>
              </td>
              <td className="nowrap">{r.pipelineId}</td>
              <td>
                <StatusBadge status={r.status} />
              </td>
              <td>{r.trigger}</td>
              <td>{r.executor}</td>
              <td className="nowrap">{formatDateTime(r.createdAt)}</td>
              <td className="nowrap">{formatDuration(r.durationMs)}</td>
              <td className="error-text" title={r.errorMessage ?? undefined}>
                {r.errorMessage ? truncate(r.errorMessage, 80) : ""}
              </td>
            </tr>
          ))
        )}
      </tbody>
    </table>
  );
}
