import { EmptyRow } from "./empty-row.tsx";
import Link from "next/link";
import type { DqRunSummary } from "../quality/quality-queries.ts";
import { formatPercent } from "./dq-format.ts";
import { DqStatusBadge } from "./dq-status-badge.tsx";
import { formatCount, formatDateTime, shortId } from "./format.ts";

/** Long headers may wrap, so the table fits the page. */
const WRAP = { whiteSpace: "normal" } as const;

/** One page of validation runs (one per suite and evaluation), newest first. */
export function DqRunsTable({ runs }: { runs: readonly DqRunSummary[] }) {
  return (
    <div style={{ overflowX: "auto" }}>
      <table style={{ fontSize: "0.9rem" }}>
        <caption>Validation runs</caption>
        <thead>
          <tr>
            <th scope="col">Evaluated at</th>
            <th scope="col">Source</th>
            <th scope="col">Suite</th>
            <th scope="col">Table</th>
            <th scope="col">Status</th>
            <th scope="col">Rows</th>
            <th scope="col" style={WRAP}>Rejected rows</th>
            <th scope="col" style={WRAP}>Failed</th>
            <th scope="col" style={WRAP}>Warned</th>
            <th scope="col" style={WRAP}>Worst unexpected %</th>
            <th scope="col">Details</th>
            <th scope="col">Run</th>
          </tr>
        </thead>
        <tbody>
          {runs.length === 0 ? (
            <EmptyRow columns={12}>No validation runs match these filters.</EmptyRow>
          ) : (
            runs.map((r) => (
              <tr key={r.id}>
                <td>{formatDateTime(r.evaluatedAt)}</td>
                <td>{r.source}</td>
                <td className="nowrap">{r.suite}</td>
                <td>
                  <code>{r.tableName}</code>
                </td>
                <td>
                  <DqStatusBadge status={r.status} />
                </td>
                <td className="num">{formatCount(r.rowCount)}</td>
                <td className="num">{formatCount(r.rejectedRows)}</td>
                <td className="num" title="failed expectations (severity fail)">
                  {r.failedExpectations}
                </td>
                <td className="num" title="failed expectations (severity warn)">
                  {r.warnedExpectations}
                </td>
                <td className="num">{formatPercent(r.maxUnexpectedPercent)}</td>
                <td>
                  <Link href={`/data/quality/${r.id}`}>Details</Link>
                </td>
                <td>
                  {r.runId ? (
                    <Link href={`/runs/${r.runId}`} aria-label={`Run ${shortId(r.runId)}`}>
                      <code>{shortId(r.runId)}</code>
                    </Link>
                  ) : (
                    <span className="muted">—</span>
                  )}
                </td>
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
