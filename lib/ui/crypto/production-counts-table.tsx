import type { CryptoDayCount } from "../../sources/crypto/crypto-queries.ts";
import { Table, TableBody, TableCaption, TableCell, TableContainer, TableEmpty, TableHead, TableHeader, TableRow } from "../components/table.tsx";
import { formatCount } from "../format.ts";

/** Production rows per purchase day and crypto type: active and inactive (vanished from the source, kept). */
export function ProductionCountsTable({ counts }: { counts: readonly CryptoDayCount[] }) {
  return (
    <TableContainer label="Production rows by day and crypto type" className="rounded-md border border-border">
      <Table>
        <TableCaption className="sr-only">Production rows by day and crypto type</TableCaption>
        <TableHeader>
          <TableRow className="hover:bg-transparent">
            <TableHead scope="col">Purchase day</TableHead>
            <TableHead scope="col">Crypto type</TableHead>
            <TableHead scope="col" className="text-right">Active</TableHead>
            <TableHead scope="col" className="text-right">Inactive</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {counts.length === 0 ? (
            <TableEmpty columns={4}>No production rows yet.</TableEmpty>
          ) : (
            counts.map((c) => (
              <TableRow key={`${c.day} ${c.cryptoType}`}>
                <th scope="row" className="px-3 py-2 text-left align-top font-normal whitespace-nowrap">
                  {c.day}
                </th>
                <TableCell>
                  <code>{c.cryptoType}</code>
                </TableCell>
                <TableCell numeric>{formatCount(c.active)}</TableCell>
                <TableCell numeric className={c.inactive > 0 ? "text-warning" : "text-muted-foreground"}>
                  {formatCount(c.inactive)}
                </TableCell>
              </TableRow>
            ))
          )}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
