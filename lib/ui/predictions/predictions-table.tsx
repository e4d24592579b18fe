"use client";

import type { ReactNode } from "react";
import type { PredictionRowView } from "../../predictions/run-predictions.ts";
import { DataTable, type DataTableColumn } from "../components/data-table.tsx";
import { ReasonChips } from "./reason-chips.tsx";
import { RiskBandBadge } from "./risk-band-badge.tsx";

const columns: DataTableColumn<PredictionRowView>[] = [
  { id: "rank", accessorKey: "rank", header: "Rank", meta: { numeric: true } },
  {
    id: "customer",
    accessorKey: "entityId",
    header: "Customer id",
    // An id is customer data: text (React escapes it), broken anywhere so a long one wraps inside its cell.
    cell: ({ row }) => <code className="break-all">{row.original.entityId}</code>,
    meta: { cellClassName: "min-w-24 max-w-64" },
  },
  { id: "probability", accessorKey: "probability", header: "Churn probability", meta: { numeric: true, wrapHeader: true }, cell: ({ row }) => row.original.probability.toFixed(3) },
  { id: "band", accessorKey: "riskBand", header: "Risk band", cell: ({ row }) => <RiskBandBadge band={row.original.riskBand} />, meta: { wrapHeader: true } },
  { id: "why", accessorFn: (r) => r.reasons?.map((x) => x.feature).join(" ") ?? "", header: "Why", enableSorting: false, cell: ({ row }) => <ReasonChips reasons={row.original.reasons} />, meta: { label: "Why (reasons)" } },
  { id: "asOf", accessorFn: (r) => r.asOf ?? "", header: "As of", meta: { cellClassName: "whitespace-nowrap" }, cell: ({ row }) => row.original.asOf ?? "—" },
];

/** One page of a scoring run's customers (server order: rank). Headers sort the page shown. */
export function PredictionsTable({ rows, footer, filters, actions }: { rows: readonly PredictionRowView[]; footer?: ReactNode; filters?: ReactNode; actions?: ReactNode }) {
  return (
    <DataTable
      caption="Customers at risk"
      columns={columns}
      data={rows}
      getRowId={(r) => String(r.rank)}
      initialHidden={["asOf"]}
      filters={filters}
      actions={actions}
      footer={footer}
      emptyMessage="No customers match these filters."
    />
  );
}
