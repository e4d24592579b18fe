import { EmptyRow } from "./empty-row.tsx";
import Link from "next/link";
import type { RejectRow } from "../quality/quality-queries.ts";
import { compactJson } from "./dq-format.ts";
import { formatDateTime, shortId } from "./format.ts";

/** One page of rejected rows. The row is user data: shown as JSON text, never as markup. */
export function RejectsTable({ rows }: { rows: readonly RejectRow[] }) {
  return (
    <table>
      <caption>Rejected rows</caption>
      <thead>
        <tr>
          <th scope="col">Reason code</th>
          <th scope="col">Suite</th>
          <th scope="col">Source file</th>
          <th scope="col">Line</th>
          <th scope="col">Row</th>
          <th scope="col">Run</th>
          <th scope="col">When</th>
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 ? (
          <EmptyRow columns={7}>No rejected rows match these filters.</EmptyRow>
        ) : (
          rows.map((r) => (
            <tr key={r.id}>
              <td>
                <code>{r.reasonCode}</code>
              </td>
              <td className="nowrap">{r.suite}</td>
              <td>{r.sourceFile ?? <span className="muted">—</span>}</td>
              <td className="num">{r.sourceLine ?? "—"}</td>
              <td>
                <code className="json">{compactJson(r.row)}</code>
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
              <td className="nowrap">{formatDateTime(r.createdAt)}</td>
            </tr>
          ))
        )}
      </tbody>
    </table>
  );
}
