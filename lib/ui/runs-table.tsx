"use client";

import Link from "next/link";
import type { RunSummary } from "../pipelines/run-queries.ts";
import { DataTable, type DataTableColumn } from "./components/data-table.tsx";
import { formatDateTime, formatDuration, shortId, truncate } from "./format.ts";
import { StatusBadge } from "./status-badge.tsx";

const columns: DataTableColumn<RunSummary>[] = [
  {
    id: "run",
    accessorKey: "id",
    header: "Run",
    enableSorting: false,
    cell: ({ row }) => (
      <Link href={`/runs/${row.original.id}`} aria-label={`Run ${shortId(row.original.id)}`}>
        <code>{shortId(row.original.id)}</code>
      </Link>
    ),
  },
  { id: "pipeline", accessorKey: "pipelineId", header: "Pipeline", meta: { cellClassName: "whitespace-nowrap" } },
  { id: "status", accessorKey: "status", header: "Status", cell: ({ row }) => <StatusBadge status={row.original.status} /> },
  { id: "trigger", accessorKey: "trigger", header: "Trigger" },
  { id: "executor", accessorKey: "executor", header: "Executor" },
  { id: "created", accessorKey: "createdAt", header: "Created", meta: { cellClassName: "whitespace-nowrap" }, cell: ({ row }) => formatDateTime(row.original.createdAt) },
  {
    id: "duration",
    accessorFn: (r) => r.durationMs ?? -1,
    header: "Duration",
    meta: { numeric: true, cellClassName: "whitespace-nowrap" },
    cell: ({ row }) => formatDuration(row.original.durationMs),
  },
  {
    id: "error",
    accessorFn: (r) => r.errorMessage ?? "",
    header: "Error",
    enableSorting: false,
    meta: { cellClassName: "min-w-48 max-w-96 whitespace-normal text-destructive" },
    cell: ({ row }) => (row.original.errorMessage && row.original.status !== "cancelled" ? truncate(row.original.errorMessage, 80) : ""),
  },
];

interface RunsTableProps {
  runs: readonly RunSummary[];
  caption?: string;
  /** Column ids hidden at first (the column menu brings them back). */
  hidden?: readonly string[];
  emptyMessage?: string;
  filters?: React.ReactNode;
  actions?: React.ReactNode;
  footer?: React.ReactNode;
  columnMenu?: boolean;
}

/** Runs, newest first (the server's order; headers sort the page shown). */
export function RunsTable({ runs, caption = "Pipeline runs", hidden = [], emptyMessage = "No runs match these filters.", filters, actions, footer, columnMenu }: RunsTableProps) {
  return (
    <DataTable
      columns={columns}
      data={runs}
      caption={caption}
      getRowId={(r) => r.id}
      initialHidden={hidden}
      emptyMessage={emptyMessage}
      filters={filters}
      actions={actions}
      footer={footer}
      columnMenu={columnMenu}
    />
  );
}
