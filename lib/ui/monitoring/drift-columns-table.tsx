"use client";

import Link from "next/link";
import type { DriftColumnView } from "../../monitoring-pages/drift-columns.ts";
import { Badge } from "../components/badge.tsx";
import { DataTable, type DataTableColumn } from "../components/data-table.tsx";
import { driftRule, driftTestName, formatPValue, formatStatistic } from "./drift-format.ts";
import { DriftStatusBadge } from "./drift-status-badge.tsx";

/** A column of a drift check plus the link that shows its histogram (built on the server, which knows the page). */
export interface DriftColumnRow extends Omit<DriftColumnView, "histogram"> {
  histogramHref: string | null;
  selected: boolean;
}

const columns: DataTableColumn<DriftColumnRow>[] = [
  {
    id: "column",
    accessorKey: "column",
    header: "Column",
    // A column name comes from the data (an uploaded CSV's header): text only, wrapped inside its cell.
    cell: ({ row }) => (
      <div className="flex min-w-32 flex-col items-start gap-1">
        <code className="break-all">{row.original.column}</code>
        {row.original.histogramHref && (
          <Link href={row.original.histogramHref} scroll={false} aria-current={row.original.selected ? "true" : undefined} className="text-xs" aria-label={`Histogram of ${row.original.column}`}>
            {row.original.selected ? "Histogram shown" : "Histogram"}
          </Link>
        )}
      </div>
    ),
    meta: { cellClassName: "max-w-64" },
  },
  { id: "test", accessorKey: "test", header: "Test", cell: ({ row }) => <span title={driftRule(row.original.test)}>{driftTestName(row.original.test)}</span>, meta: { cellClassName: "whitespace-nowrap" } },
  { id: "statistic", accessorKey: "statistic", header: "Statistic", meta: { numeric: true }, cell: ({ row }) => formatStatistic(row.original.statistic) },
  { id: "pValue", accessorFn: (r) => r.pValue ?? -1, header: "p-value", meta: { numeric: true }, cell: ({ row }) => formatPValue(row.original.pValue) },
  { id: "threshold", accessorKey: "threshold", header: "Threshold", meta: { numeric: true }, cell: ({ row }) => formatStatistic(row.original.threshold) },
  {
    id: "drifted",
    accessorFn: (r) => (r.drifted ? 1 : 0),
    header: "Drifted",
    cell: ({ row }) => (row.original.drifted ? <Badge variant="destructive" data-drifted="true">drifted</Badge> : <Badge variant="success">no drift</Badge>),
  },
  { id: "psi", accessorFn: (r) => r.psi ?? -1, header: "PSI", meta: { numeric: true }, cell: ({ row }) => formatStatistic(row.original.psi) },
  { id: "psiStatus", accessorFn: (r) => r.psiStatus ?? "", header: "PSI status", meta: { wrapHeader: true }, cell: ({ row }) => <DriftStatusBadge status={row.original.psiStatus} /> },
  { id: "kind", accessorKey: "kind", header: "Kind" },
];

/** The columns of one drift check (server order: drifted first, then by PSI). */
export function DriftColumnsTable({ rows }: { rows: readonly DriftColumnRow[] }) {
  return <DataTable caption="Column drift statistics" columns={columns} data={rows} getRowId={(r) => r.column} initialHidden={["kind"]} emptyMessage="This check recorded no columns." maxHeightClass="max-h-[32rem]" />;
}
