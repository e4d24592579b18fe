import Link from "next/link";
import type { RawTableCount } from "../sources/raw-data-queries.ts";
import { Table, TableBody, TableCaption, TableCell, TableContainer, TableHead, TableHeader, TableRow } from "./components/table.tsx";
import { Breakable } from "./dq-breakable.tsx";
import { formatCount } from "./format.ts";

/** Each raw table with its exact row count (or, for a table emptied after its load, the rows that load brought). Long generated names (raw.tabular_<dataset>_v<n>) wrap, never widen the page. */
export function RawTablesTable({ counts }: { counts: readonly RawTableCount[] }) {
  return (
    <TableContainer label="Raw tables" className="rounded-md border border-border">
      <Table>
        <TableCaption className="sr-only">Raw tables</TableCaption>
        <TableHeader>
          <TableRow className="hover:bg-transparent">
            <TableHead scope="col">Table</TableHead>
            <TableHead scope="col" className="text-right">
              Rows
            </TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {counts.map((c) => (
            <TableRow key={c.table}>
              <th scope="row" className="px-3 py-2 text-left align-top font-normal">
                <code>
                  <Breakable text={c.table} />
                </code>
                {c.releasedBy ? (
                  <span className="block text-xs text-muted-foreground">
                    emptied after its load; the valid rows are in the{" "}
                    <Link href={`/runs/${c.releasedBy}`} className="underline underline-offset-2">
                      load run&apos;s snapshot
                    </Link>
                  </span>
                ) : null}
              </th>
              <TableCell numeric title={String(c.rows)}>
                {formatCount(c.rows)}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
