"use client";

import Link from "next/link";
import { Badge } from "../components/badge.tsx";
import { createColumnHelper, DataTable, type DataTableFeatures } from "../components/data-table.tsx";
import { formatDateTime, shortId } from "../format.ts";
import { formatDelta, formatMetric } from "./metric-format.ts";

export interface AuditRowView {
  id: string;
  at: string;
  alias: string;
  fromVersion: number | null;
  toVersion: number | null;
  action: string;
  actor: string;
  reason: string;
  metricName: string | null;
  candidateValue: number | null;
  championValue: number | null;
  delta: number | null;
  runId: string | null;
}

const ACTION_WORDS: Record<string, string> = { "auto-promote": "promoted by the rule", skip: "kept as challenger", promote: "promoted by hand", rollback: "rolled back" };
const v = (n: number | null) => (n === null ? "none" : `v${n}`);

const col = createColumnHelper<DataTableFeatures, AuditRowView>();
const columns = col.columns([
  col.accessor("at", { header: "When", cell: (c) => formatDateTime(c.getValue()), meta: { cellClassName: "whitespace-nowrap" } }),
  col.accessor("action", {
    header: "What changed",
    enableSorting: false,
    meta: { cellClassName: "min-w-48" },
    cell: (c) => {
      const r = c.row.original;
      return (
        <span className="flex flex-col gap-1">
          <span className="whitespace-nowrap">
            {r.alias}: {v(r.fromVersion)} → {v(r.toVersion)}
          </span>
          <Badge variant={r.action === "rollback" ? "warning" : r.action === "skip" ? "neutral" : "success"}>{ACTION_WORDS[r.action] ?? r.action}</Badge>
        </span>
      );
    },
  }),
  col.accessor("actor", { header: "Who", cell: (c) => <span className="font-mono text-xs">{c.getValue()}</span> }),
  col.accessor("reason", { header: "Why", enableSorting: false, meta: { cellClassName: "min-w-64 max-w-md whitespace-normal" } }),
  col.accessor("delta", {
    header: "Metric",
    enableSorting: false,
    meta: { cellClassName: "whitespace-nowrap" },
    cell: (c) => {
      const r = c.row.original;
      if (!r.metricName) return "—";
      return (
        <span className="tabular-nums">
          {r.metricName} {formatMetric(r.candidateValue)} vs {formatMetric(r.championValue)} · Δ {formatDelta(r.delta)}
        </span>
      );
    },
  }),
  col.accessor("runId", {
    header: "Run",
    enableSorting: false,
    cell: (c) => {
      const id = c.getValue();
      return id ? <Link href={`/runs/${id}`} className="font-mono text-xs">{shortId(id)}</Link> : "—";
    },
  }),
]);

export function AuditTable({ entries }: { entries: AuditRowView[] }) {
  return <DataTable caption="Audit log" columns={columns} data={entries} getRowId={(r) => r.id} columnMenu={false} manualSorting emptyMessage="No alias changes yet." />;
}
