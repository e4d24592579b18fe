import { EmptyRow } from "./empty-row.tsx";
import Link from "next/link";
import { Fragment } from "react";
import type { ExpectationResult } from "../quality/expectation-types.ts";
import { Breakable } from "./dq-breakable.tsx";
import { cellText, formatObservedValue, formatPercent, formatShare, sampleColumns } from "./dq-format.ts";
import { formatCount } from "./format.ts";
import { rejectsHref } from "./rejects-filters.ts";

const COLUMNS = 11;
/** Long numeric headers may wrap, so the table fits the page. */
const WRAP = { whiteSpace: "normal" } as const;

/**
 * One row per expectation of a validation; under each one with failing rows, its sample in a folded table.
 * Sample values are user data: they are rendered as text only.
 */
export function QualityExpectationsTable({ suite, results }: { suite: string; results: readonly ExpectationResult[] }) {
  return (
    <div style={{ overflowX: "auto" }}>
      <table style={{ fontSize: "0.9rem" }}>
        <caption>Expectations</caption>
        <thead>
          <tr>
            <th scope="col">Expectation</th>
            <th scope="col">Kind</th>
            <th scope="col">Description</th>
            <th scope="col">Severity</th>
            <th scope="col">Mostly</th>
            <th scope="col">Success</th>
            <th scope="col" style={WRAP}>Observed value</th>
            <th scope="col" style={WRAP}>Element count</th>
            <th scope="col" style={WRAP}>Unexpected count</th>
            <th scope="col" style={WRAP}>Unexpected %</th>
            <th scope="col" style={WRAP}>Reason code</th>
          </tr>
        </thead>
        <tbody>
          {results.length === 0 ? (
            <EmptyRow columns={COLUMNS}>This suite has no expectations.</EmptyRow>
          ) : (
            results.map((r, i) => (
              // ids repeat when a suite has two expectations of one kind without columns (e.g. two "conditional")
              <Fragment key={`${i}:${r.id}`}>
                <tr>
                  <th scope="row">
                    <code>
                      <Breakable text={r.id} after=":" />
                    </code>
                  </th>
                  <td>
                    <Breakable text={r.kind} />
                  </td>
                  <td>{r.description ?? <span className="muted">—</span>}</td>
                  <td>{r.severity}</td>
                  <td className="num">{formatShare(r.mostly)}</td>
                  <td>
                    <span className={`badge badge-${r.success ? "succeeded" : r.severity === "warn" ? "cancelled" : "failed"}`}>{r.success ? "Passed" : "Failed"}</span>
                  </td>
                  <td className="num">{formatObservedValue(r)}</td>
                  <td className="num">{formatCount(r.elementCount)}</td>
                  <td className="num">{formatCount(r.unexpectedCount)}</td>
                  <td className="num">{formatPercent(r.unexpectedPercent)}</td>
                  <td>
                    <Link href={rejectsHref({ reasonCode: r.reasonCode, suite })}>
                      <code>
                        <Breakable text={r.reasonCode} />
                      </code>
                    </Link>
                  </td>
                </tr>
                {r.sample.length > 0 && (
                  <tr className="sample-row">
                    <td colSpan={COLUMNS}>
                      <SampleRows expectationId={r.id} reasonCode={r.reasonCode} rows={r.sample} />
                    </td>
                  </tr>
                )}
              </Fragment>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}

function SampleRows({ expectationId, reasonCode, rows }: { expectationId: string; reasonCode: string; rows: readonly Record<string, unknown>[] }) {
  const columns = sampleColumns(rows);
  return (
    <details>
      <summary>Sample failing rows</summary>
      <div style={{ overflowX: "auto" }}>
        <table className="compact">
          <caption className="muted">
            Sample failing rows of <code>{expectationId}</code> ({reasonCode})
          </caption>
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c} scope="col">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) => (
              <tr key={i}>
                {columns.map((c) => (
                  <td key={c}>{cellText(row[c])}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
