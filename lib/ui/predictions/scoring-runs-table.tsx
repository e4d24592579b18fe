"use client";

import { DownloadIcon } from "lucide-react";
import Link from "next/link";
import type { ScoringRunView } from "../../predictions/scoring-runs.ts";
import { DataTable, type DataTableColumn } from "../components/data-table.tsx";
import { formatShare } from "../dq-format.ts";
import { artifactHref, formatCount, formatDateTime, shortId } from "../format.ts";

/** A scoring run row plus the page link that shows its customers (built on the server, which knows the dataset). */
export interface ScoringRunRow extends ScoringRunView {
  viewHref: string;
  selected: boolean;
}

const score = (x: number | null) => (x === null ? "—" : x.toFixed(3));

const columns: DataTableColumn<ScoringRunRow>[] = [
  {
    id: "when",
    accessorKey: "createdAt",
    header: "Scored",
    meta: { cellClassName: "whitespace-nowrap" },
    cell: ({ row }) => (
      <Link href={row.original.viewHref} aria-current={row.original.selected ? "true" : undefined} aria-label={`Show the customers of the run of ${formatDateTime(row.original.createdAt)}`}>
        {formatDateTime(row.original.createdAt)}
      </Link>
    ),
  },
  { id: "model", accessorFn: (r) => `${r.model} v${r.version}`, header: "Model", meta: { cellClassName: "whitespace-nowrap" } },
  { id: "asOf", accessorFn: (r) => r.asOf ?? "", header: "As of", meta: { cellClassName: "whitespace-nowrap" }, cell: ({ row }) => row.original.asOf ?? "—" },
  { id: "rows", accessorKey: "rows", header: "Customers", meta: { numeric: true }, cell: ({ row }) => formatCount(row.original.rows) },
  { id: "mean", accessorFn: (r) => r.mean ?? -1, header: "Mean", meta: { numeric: true }, cell: ({ row }) => score(row.original.mean) },
  { id: "p90", accessorFn: (r) => r.p90 ?? -1, header: "p90", meta: { numeric: true }, cell: ({ row }) => score(row.original.p90) },
  { id: "highRisk", accessorFn: (r) => r.highRiskRate ?? -1, header: "High risk", meta: { numeric: true }, cell: ({ row }) => formatShare(row.original.highRiskRate) },
  {
    id: "run",
    accessorKey: "runId",
    header: "Run",
    enableSorting: false,
    cell: ({ row }) => (
      <Link href={`/runs/${row.original.runId}`} aria-label={`Run ${shortId(row.original.runId)}`}>
        <code>{shortId(row.original.runId)}</code>
      </Link>
    ),
  },
  {
    id: "csv",
    accessorFn: (r) => r.csvKey ?? "",
    header: "CSV",
    enableSorting: false,
    meta: { label: "Full CSV" },
    cell: ({ row }) =>
      row.original.csvKey ? (
        <a href={artifactHref(row.original.csvKey)} download aria-label={`Download all ${formatCount(row.original.rows)} scores of run ${shortId(row.original.runId)} as CSV`} className="inline-flex items-center gap-1 whitespace-nowrap">
          <DownloadIcon aria-hidden className="size-4" />
          CSV
        </a>
      ) : (
        <span className="text-muted-foreground">—</span>
      ),
  },
];

/** A dataset's scoring runs, newest first; the time links to the run's customers on this page. */
export function ScoringRunsTable({ runs }: { runs: readonly ScoringRunRow[] }) {
  return <DataTable caption="Scoring runs, newest first" columns={columns} data={runs} getRowId={(r) => r.runId} initialHidden={["asOf"]} emptyMessage="No scoring runs yet." maxHeightClass="max-h-96" />;
}
