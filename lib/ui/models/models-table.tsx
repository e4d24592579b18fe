"use client";

import Link from "next/link";
import { Badge } from "../components/badge.tsx";
import { createColumnHelper, DataTable, type DataTableFeatures } from "../components/data-table.tsx";
import { formatDateTime } from "../format.ts";
import { formatMetric } from "./metric-format.ts";

export interface ModelRowView {
  name: string;
  dataset: string;
  champion: number | null;
  challenger: number | null;
  metricLabel: string;
  metricValue: number | null;
  lastTrainedAt: string | null;
  versionCount: number;
}

const col = createColumnHelper<DataTableFeatures, ModelRowView>();
const columns = col.columns([
  col.accessor("name", {
    header: "Model",
    cell: (c) => (
      <Link href={`/models/${encodeURIComponent(c.getValue())}`} className="font-medium">
        {c.getValue()}
      </Link>
    ),
  }),
  col.accessor("dataset", { header: "Dataset" }),
  col.accessor("champion", {
    header: "Champion",
    cell: (c) => {
      const r = c.row.original;
      return (
        <span className="flex flex-wrap gap-1">
          {r.champion === null ? <span className="text-muted-foreground">none</span> : <Badge variant="success">v{r.champion}</Badge>}
          {r.challenger !== null && <Badge variant="info">challenger v{r.challenger}</Badge>}
        </span>
      );
    },
  }),
  col.accessor("metricValue", {
    header: "Primary metric (test)",
    meta: { numeric: true, wrapHeader: true },
    cell: (c) => (
      <span>
        <span className="text-muted-foreground">{c.row.original.metricLabel}</span> {formatMetric(c.getValue())}
      </span>
    ),
  }),
  col.accessor("lastTrainedAt", { header: "Last trained", cell: (c) => formatDateTime(c.getValue()), meta: { cellClassName: "whitespace-nowrap" } }),
  col.accessor("versionCount", { header: "Versions", meta: { numeric: true } }),
]);

export function ModelsTable({ models }: { models: ModelRowView[] }) {
  return <DataTable caption="Registered models" columns={columns} data={models} getRowId={(r) => r.name} columnMenu={false} />;
}
