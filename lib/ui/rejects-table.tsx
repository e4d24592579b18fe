"use client";

import { RunLink } from "./run-link.tsx";
import Link from "next/link";
import type { ReactNode } from "react";
import type { RejectRow } from "../quality/quality-queries.ts";
import { createColumnHelper, DataTable, type DataTableFeatures } from "./components/data-table.tsx";
import { Disclosure } from "./components/disclosure.tsx";
import { Breakable } from "./dq-breakable.tsx";
import { cellText, compactJson } from "./dq-format.ts";
import { formatDateTime, shortId } from "./format.ts";

/** A rejected row as key/value lines (values as text, never markup), its raw JSON behind a toggle. */
function RowValues({ row }: { row: Record<string, unknown> }) {
  const entries = Object.entries(row ?? {});
  return (
    <div className="flex min-w-0 max-w-xl flex-col gap-1.5 md:min-w-64">
      <dl className="m-0 grid grid-cols-[max-content_minmax(0,1fr)] gap-x-3 gap-y-0.5 text-xs">
        {entries.map(([key, value]) => (
          <div key={key} className="contents">
            <dt className="font-mono text-muted-foreground">{key}</dt>
            <dd className="m-0 font-mono break-all">{value === null || value === undefined || value === "" ? <span className="text-muted-foreground">(empty)</span> : cellText(value)}</dd>
          </div>
        ))}
      </dl>
      <Disclosure summary="Raw JSON" className="text-xs">
        <code className="json block max-h-48 overflow-auto rounded-md border border-border bg-muted p-2 break-all whitespace-pre-wrap">{compactJson(row)}</code>
      </Disclosure>
    </div>
  );
}

const col = createColumnHelper<DataTableFeatures, RejectRow>();
const columns = col.columns([
  col.accessor("reasonCode", {
    header: "Reason code",
    cell: (c) => (
      <code>
        <Breakable text={c.getValue()} />
      </code>
    ),
  }),
  col.accessor("suite", { header: "Suite", meta: { cellClassName: "whitespace-nowrap" } }),
  col.accessor("sourceFile", { header: "Source file", cell: (c) => c.getValue() ?? <span className="text-muted-foreground">—</span>, meta: { cellClassName: "break-words min-w-24" } }),
  col.accessor("sourceLine", { header: "Line", cell: (c) => c.getValue() ?? "—", meta: { numeric: true } }),
  col.accessor("row", { header: "Row", cell: (c) => <RowValues row={c.getValue()} />, enableSorting: false }),
  col.accessor("runId", {
    header: "Run",
    cell: (c) => <RunLink runId={c.getValue()} />,
  }),
  col.accessor("dqRunId", {
    header: "Validation",
    cell: ({ row }) => (
      <Link href={`/data/quality/${row.original.dqRunId}`} aria-label={`Validation report ${shortId(row.original.dqRunId)}`}>
        Report
      </Link>
    ),
    meta: { label: "Validation report" },
  }),
  col.accessor("createdAt", { header: "When", cell: (c) => formatDateTime(c.getValue()), meta: { cellClassName: "whitespace-nowrap" } }),
]);

/** One page of rejected rows (server order). The row is user data: shown as text, never as markup. */
export function RejectsTable({ rows, footer }: { rows: readonly RejectRow[]; footer?: ReactNode }) {
  return <DataTable caption="Rejected rows" columns={columns} data={rows} getRowId={(r) => r.id} manualSorting stackOnMobile footer={footer} emptyMessage="No rejected rows match these filters." />;
}
