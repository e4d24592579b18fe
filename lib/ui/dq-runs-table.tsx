"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import type { DqRunSummary } from "../quality/quality-queries.ts";
import { createColumnHelper, DataTable, type DataTableFeatures } from "./components/data-table.tsx";
import { formatPercent } from "./dq-format.ts";
import { Breakable } from "./dq-breakable.tsx";
import { DqStatusBadge } from "./dq-status-badge.tsx";
import { RunLink } from "./run-link.tsx";
import { formatCount, formatDateTime } from "./format.ts";
import { rejectsHref } from "./rejects-href.ts";

const col = createColumnHelper<DataTableFeatures, DqRunSummary>();
// The report link is the first column (the suite name), so it is on screen however narrow the window is.
const columns = col.columns([
  col.accessor("suite", {
    header: "Suite",
    cell: ({ row }) => (
      <Link href={`/data/quality/${row.original.id}`} className="font-medium whitespace-nowrap">
        {row.original.suite}
      </Link>
    ),
    enableHiding: false,
  }),
  col.accessor("status", { header: "Status", cell: (c) => <DqStatusBadge status={c.getValue()} /> }),
  col.accessor("evaluatedAt", { header: "Evaluated at", cell: (c) => formatDateTime(c.getValue()), meta: { cellClassName: "whitespace-nowrap" } }),
  col.accessor("source", { header: "Source" }),
  col.accessor("tableName", {
    header: "Table",
    cell: (c) => (
      <Link href="/data#raw-tables">
        <code>
          <Breakable text={c.getValue()} />
        </code>
      </Link>
    ),
    meta: { cellClassName: "min-w-40" },
  }),
  col.accessor("rowCount", { header: "Rows", cell: (c) => formatCount(c.getValue()), meta: { numeric: true } }),
  col.accessor("rejectedRows", {
    header: "Rejected rows",
    cell: ({ row }) => {
      const r = row.original;
      return r.rejectedRows > 0 && r.runId ? (
        <Link href={rejectsHref({ suite: r.suite, runId: r.runId })} aria-label={`${formatCount(r.rejectedRows)} rejected rows of ${r.suite}`}>
          {formatCount(r.rejectedRows)}
        </Link>
      ) : (
        formatCount(r.rejectedRows)
      );
    },
    meta: { numeric: true, wrapHeader: true },
  }),
  col.accessor("failedExpectations", { header: "Failed", cell: (c) => <span title="failed expectations (severity fail)">{c.getValue()}</span>, meta: { numeric: true, label: "Failed expectations" } }),
  col.accessor("warnedExpectations", { header: "Warned", cell: (c) => <span title="failed expectations (severity warn)">{c.getValue()}</span>, meta: { numeric: true, label: "Warned expectations" } }),
  col.accessor("maxUnexpectedPercent", { header: "Worst unexpected %", cell: (c) => formatPercent(c.getValue()), meta: { numeric: true, wrapHeader: true } }),
  col.accessor("runId", {
    header: "Run",
    cell: (c) => <RunLink runId={c.getValue()} />,
  }),
]);

/** One page of validation runs (one per suite and evaluation), newest first (server order). */
export function DqRunsTable({ runs, filters, footer }: { runs: readonly DqRunSummary[]; filters?: ReactNode; footer?: ReactNode }) {
  return <DataTable caption="Validation runs" columns={columns} data={runs} getRowId={(r) => r.id} manualSorting filters={filters} footer={footer} emptyMessage="No validation runs match these filters." />;
}
