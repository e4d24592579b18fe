import Link from "next/link";
import { Fragment } from "react";
import type { ExpectationResult } from "../quality/expectation-types.ts";
import { Badge } from "./components/badge.tsx";
import { Disclosure } from "./components/disclosure.tsx";
import { Table, TableBody, TableCaption, TableCell, TableContainer, TableEmpty, TableHead, TableHeader, TableRow } from "./components/table.tsx";
import { Breakable } from "./dq-breakable.tsx";
import { cellText, formatObservedValue, formatPercent, formatShare, sampleColumns } from "./dq-format.ts";
import { formatCount } from "./format.ts";
import { rejectsHref } from "./rejects-filters.ts";

const COLUMNS = 11;
const NUM = "text-right";

/**
 * One row per expectation of a validation; under each one with failing rows, its sample in a folded table.
 * Sample values are user data: they are rendered as text only. (A server table, not DataTable: each expectation
 * has a second, full-width row for its sample.)
 */
export function QualityExpectationsTable({ suite, results }: { suite: string; results: readonly ExpectationResult[] }) {
  return (
    <TableContainer label="Expectations" className="rounded-md border border-border">
      <Table>
        <TableCaption className="sr-only">Expectations</TableCaption>
        <TableHeader>
          <TableRow className="hover:bg-transparent">
            <TableHead scope="col">Expectation</TableHead>
            <TableHead scope="col">Kind</TableHead>
            <TableHead scope="col">Description</TableHead>
            <TableHead scope="col">Severity</TableHead>
            <TableHead scope="col" className={NUM}>Mostly</TableHead>
            <TableHead scope="col">Success</TableHead>
            <TableHead scope="col" className={`${NUM} whitespace-normal`}>Observed value</TableHead>
            <TableHead scope="col" className={`${NUM} whitespace-normal`}>Element count</TableHead>
            <TableHead scope="col" className={`${NUM} whitespace-normal`}>Unexpected count</TableHead>
            <TableHead scope="col" className={`${NUM} whitespace-normal`}>Unexpected %</TableHead>
            <TableHead scope="col" className="whitespace-normal">Reason code</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {results.length === 0 ? (
            <TableEmpty columns={COLUMNS}>This suite has no expectations.</TableEmpty>
          ) : (
            results.map((r, i) => (
              // ids repeat when a suite has two expectations of one kind without columns (e.g. two "conditional")
              <Fragment key={`${i}:${r.id}`}>
                <TableRow className={r.sample.length > 0 ? "border-b-0" : undefined}>
                  <th scope="row" className="px-3 py-2 text-left align-top font-normal">
                    <code>
                      <Breakable text={r.id} after=":" />
                    </code>
                  </th>
                  <TableCell>
                    <Breakable text={r.kind} />
                  </TableCell>
                  <TableCell className="min-w-48">{r.description ?? <span className="text-muted-foreground">—</span>}</TableCell>
                  <TableCell>{r.severity}</TableCell>
                  <TableCell numeric>{formatShare(r.mostly)}</TableCell>
                  <TableCell>
                    <Badge variant={r.success ? "success" : r.severity === "warn" ? "warning" : "destructive"}>{r.success ? "Passed" : "Failed"}</Badge>
                  </TableCell>
                  <TableCell numeric>{formatObservedValue(r)}</TableCell>
                  <TableCell numeric>{formatCount(r.elementCount)}</TableCell>
                  <TableCell numeric>{formatCount(r.unexpectedCount)}</TableCell>
                  <TableCell numeric>{formatPercent(r.unexpectedPercent)}</TableCell>
                  <TableCell>
                    <Link href={rejectsHref({ reasonCode: r.reasonCode, suite })}>
                      <code>
                        <Breakable text={r.reasonCode} />
                      </code>
                    </Link>
                  </TableCell>
                </TableRow>
                {r.sample.length > 0 && (
                  <TableRow className="hover:bg-transparent">
                    <td colSpan={COLUMNS} className="px-3 pb-3">
                      <SampleRows expectationId={r.id} reasonCode={r.reasonCode} rows={r.sample} />
                    </td>
                  </TableRow>
                )}
              </Fragment>
            ))
          )}
        </TableBody>
      </Table>
    </TableContainer>
  );
}

function SampleRows({ expectationId, reasonCode, rows }: { expectationId: string; reasonCode: string; rows: readonly Record<string, unknown>[] }) {
  const columns = sampleColumns(rows);
  return (
    <Disclosure summary="Sample failing rows">
      <TableContainer label={`Sample failing rows of ${expectationId}`} className="max-w-full rounded-md border border-border">
        <Table className="w-auto">
          <TableCaption className="mt-0 caption-top px-3 py-2 text-xs">
            Sample failing rows of <code>{expectationId}</code> ({reasonCode})
          </TableCaption>
          <TableHeader>
            <TableRow className="hover:bg-transparent">
              {columns.map((c) => (
                <TableHead key={c} scope="col">
                  {c}
                </TableHead>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((row, i) => (
              <TableRow key={i}>
                {columns.map((c) => (
                  <TableCell key={c} className="max-w-xs break-words">
                    {cellText(row[c])}
                  </TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
    </Disclosure>
  );
}
