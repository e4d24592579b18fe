import Link from "next/link";
import type { RejectReasonCount } from "../../sources/crypto/crypto-queries.ts";
import { Table, TableBody, TableCaption, TableCell, TableContainer, TableEmpty, TableHead, TableHeader, TableRow } from "../components/table.tsx";
import { Breakable } from "../dq-breakable.tsx";
import { formatCount } from "../format.ts";
import { rejectsHref } from "../rejects-href.ts";

/** One run's rejected rows by suite and reason code, each linking to those rows. */
export function RejectReasonsTable({ runId, reasons }: { runId: string; reasons: readonly RejectReasonCount[] }) {
  return (
    <TableContainer label="Rejected rows of the latest run" className="rounded-md border border-border">
      <Table>
        <TableCaption className="sr-only">Rejected rows of the latest run</TableCaption>
        <TableHeader>
          <TableRow className="hover:bg-transparent">
            <TableHead scope="col">Suite</TableHead>
            <TableHead scope="col">Reason code</TableHead>
            <TableHead scope="col" className="text-right">Rows</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {reasons.length === 0 ? (
            <TableEmpty columns={3}>The latest run rejected no rows.</TableEmpty>
          ) : (
            reasons.map((r) => (
              <TableRow key={`${r.suite} ${r.reasonCode}`}>
                <th scope="row" className="px-3 py-2 text-left align-top font-normal">
                  <code>{r.suite}</code>
                </th>
                <TableCell>
                  <Link href={rejectsHref({ suite: r.suite, reasonCode: r.reasonCode, runId })}>
                    <Breakable text={r.reasonCode} />
                  </Link>
                </TableCell>
                <TableCell numeric>{formatCount(r.rows)}</TableCell>
              </TableRow>
            ))
          )}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
