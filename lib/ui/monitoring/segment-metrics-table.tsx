"use client";

import type { ReactNode } from "react";
import { OVERALL, type SegmentMetricView } from "../../monitoring-pages/segment-metric-view.ts";
import { Badge } from "../components/badge.tsx";
import { DataTable, type DataTableColumn } from "../components/data-table.tsx";
import { formatCount } from "../format.ts";
import { formatMetric, segmentGapText } from "./performance-format.ts";

const isOverall = (r: SegmentMetricView) => r.segmentColumn === OVERALL;

/** A metric cell: the number, or why there is none (a segment too small or of one class), never a blank. */
function metricCell(r: SegmentMetricView, value: number | null, suffix?: ReactNode) {
  if (value === null) return <span className="text-xs whitespace-nowrap text-muted-foreground italic">{r.gap ? segmentGapText(r.gap) : "—"}</span>;
  return (
    <>
      {formatMetric(value)}
      {suffix}
    </>
  );
}

// Sort keys: a missing metric sorts below every real one.
const sortable = (x: number | null) => x ?? -1;

const columns: DataTableColumn<SegmentMetricView>[] = [
  {
    id: "segment",
    accessorKey: "segmentColumn",
    header: "Segment",
    // Column names and values come from the data (an uploaded CSV): text only, wrapped inside the cell.
    cell: ({ row }) => (isOverall(row.original) ? <strong>Overall</strong> : <code className="break-all">{row.original.segmentColumn}</code>),
    meta: { cellClassName: "max-w-48" },
  },
  {
    id: "value",
    accessorKey: "segmentValue",
    header: "Value",
    cell: ({ row }) =>
      isOverall(row.original) ? (
        <span className="text-muted-foreground">all labelled rows</span>
      ) : row.original.segmentValue === "(missing)" ? (
        <span className="text-muted-foreground italic">(missing)</span>
      ) : (
        <span className="break-all">{row.original.segmentValue}</span>
      ),
    meta: { cellClassName: "min-w-20 max-w-48" },
  },
  { id: "rows", accessorKey: "rows", header: "Rows", meta: { numeric: true }, cell: ({ row }) => formatCount(row.original.rows) },
  { id: "churners", accessorKey: "positives", header: "Churners", meta: { numeric: true }, cell: ({ row }) => formatCount(row.original.positives) },
  { id: "rocAuc", accessorFn: (r) => sortable(r.rocAuc), header: "ROC-AUC", meta: { numeric: true }, cell: ({ row }) => metricCell(row.original, row.original.rocAuc) },
  { id: "prAuc", accessorFn: (r) => sortable(r.prAuc), header: "PR-AUC", meta: { numeric: true }, cell: ({ row }) => metricCell(row.original, row.original.prAuc) },
  {
    id: "precisionAtK",
    accessorFn: (r) => sortable(r.precisionAtK),
    header: "Precision@K",
    meta: { numeric: true },
    cell: ({ row }) => metricCell(row.original, row.original.precisionAtK, <span className="ml-1 text-xs text-muted-foreground">K={row.original.k}</span>),
  },
  {
    id: "calibrationError",
    accessorFn: (r) => sortable(r.calibrationError),
    header: "Calibration error",
    meta: { numeric: true, wrapHeader: true },
    cell: ({ row }) => metricCell(row.original, row.original.calibrationError),
  },
  { id: "brier", accessorFn: (r) => sortable(r.brier), header: "Brier score", meta: { numeric: true, wrapHeader: true }, cell: ({ row }) => metricCell(row.original, row.original.brier) },
  {
    id: "status",
    accessorFn: (r) => (r.flagged ? 2 : r.gap ? 0 : 1),
    header: "PR-AUC check",
    meta: { wrapHeader: true },
    cell: ({ row }) =>
      row.original.flagged ? (
        <Badge variant="destructive">below threshold</Badge>
      ) : row.original.gap ? (
        <span className="text-xs text-muted-foreground">not computed</span>
      ) : (
        <Badge variant="success">ok</Badge>
      ),
  },
];

/** A scoring run's realised performance, overall row first (server order), by segment. */
export function SegmentMetricsTable({ rows, filters, actions }: { rows: readonly SegmentMetricView[]; filters?: ReactNode; actions?: ReactNode }) {
  return (
    <DataTable
      caption="Realised performance by segment"
      columns={columns}
      data={rows}
      getRowId={(r) => `${r.segmentColumn}\u0000${r.segmentValue}`}
      initialHidden={["brier"]}
      filters={filters}
      actions={actions}
      emptyMessage="No segments recorded for this run."
      maxHeightClass="max-h-[32rem]"
    />
  );
}
