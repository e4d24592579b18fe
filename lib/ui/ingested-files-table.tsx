"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import type { IngestedFileView } from "../sources/raw-data-queries.ts";
import { createColumnHelper, DataTable, type DataTableFeatures } from "./components/data-table.tsx";
import { Badge } from "./components/badge.tsx";
import { Breakable } from "./dq-breakable.tsx";
import { artifactHref, formatBytes, formatCount, formatDateTime, formatDuration, shortId } from "./format.ts";

const col = createColumnHelper<DataTableFeatures, IngestedFileView>();
const columns = col.columns([
  col.accessor("name", { header: "File", meta: { cellClassName: "break-words min-w-32" } }),
  col.accessor("status", {
    header: "Status",
    cell: ({ row }) =>
      row.original.status === "failed" ? (
        <span className="flex flex-col gap-1">
          <Badge variant="destructive">failed</Badge>
          {row.original.error && <span className="text-xs text-muted-foreground break-words">{row.original.error}</span>}
        </span>
      ) : (
        <Badge variant="success">loaded</Badge>
      ),
    meta: { cellClassName: "min-w-24 max-w-96" },
  }),
  col.accessor("source", { header: "Source" }),
  col.accessor("tableName", { header: "Table", cell: (c) => (
      <code>
        <Breakable text={c.getValue()} />
      </code>
    ),
  }),
  col.accessor("rows", { header: "Rows", cell: (c) => formatCount(c.getValue()), meta: { numeric: true } }),
  col.accessor("bytes", { header: "Size", cell: (c) => <span title={`${c.getValue()} bytes`}>{formatBytes(c.getValue())}</span>, meta: { numeric: true } }),
  col.accessor("sha256", { header: "SHA-256", cell: (c) => <code title={c.getValue()}>{c.getValue().slice(0, 12)}</code> }),
  col.accessor("durationMs", { header: "Load time", cell: (c) => formatDuration(c.getValue()), meta: { numeric: true } }),
  col.accessor("createdAt", { header: "Loaded at", cell: (c) => formatDateTime(c.getValue()), meta: { cellClassName: "whitespace-nowrap" } }),
  col.accessor("runId", {
    header: "Run",
    cell: (c) => {
      const runId = c.getValue();
      return runId ? <Link href={`/runs/${runId}`}>{shortId(runId)}</Link> : <span className="text-muted-foreground">—</span>;
    },
  }),
  col.display({
    id: "download",
    header: "Download",
    cell: ({ row }) =>
      row.original.artifactKey ? (
        <a href={artifactHref(row.original.artifactKey)} download aria-label={`Download ${row.original.name} (${shortId(row.original.id)})`}>
          Download
        </a>
      ) : (
        <span className="text-muted-foreground">—</span>
      ),
    meta: { label: "Download" },
  }),
]);

/** Files loaded into raw.*, newest first (server order, server pages), with the original file when it is stored. */
export function IngestedFilesTable({ files, filters, actions, footer, emptyMessage }: { files: readonly IngestedFileView[]; filters?: ReactNode; actions?: ReactNode; footer?: ReactNode; emptyMessage?: ReactNode }) {
  return (
    <DataTable
      caption="Ingested files"
      columns={columns}
      data={files}
      getRowId={(f) => f.id}
      manualSorting
      initialHidden={["sha256", "durationMs"]}
      filters={filters}
      actions={actions}
      footer={footer}
      emptyMessage={emptyMessage}
    />
  );
}
