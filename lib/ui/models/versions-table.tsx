"use client";

import Link from "next/link";
import { Badge } from "../components/badge.tsx";
import { createColumnHelper, DataTable, type DataTableFeatures } from "../components/data-table.tsx";
import { formatDateTime, shortId } from "../format.ts";
import { AliasActionButton } from "./alias-action-button.tsx";
import { DecisionSummary, type DecisionView } from "./decision-summary.tsx";
import { formatMetric } from "./metric-format.ts";

export interface VersionRowView {
  model: string;
  version: number;
  family: string;
  metricLabel: string;
  metricValue: number | null;
  createdAt: string;
  runId: string | null;
  aliases: string[];
  decision: DecisionView | null;
  /** the champion's version and value, for the promote dialog's words */
  champion: { version: number; value: number | null } | null;
  canAdmin: boolean;
}

const col = createColumnHelper<DataTableFeatures, VersionRowView>();
const columns = col.columns([
  col.accessor("version", {
    header: "Version",
    cell: (c) => (
      <Link href={`/models/${encodeURIComponent(c.row.original.model)}/${c.getValue()}`} className="font-medium whitespace-nowrap">
        v{c.getValue()}
      </Link>
    ),
  }),
  col.accessor("aliases", {
    header: "Alias",
    enableSorting: false,
    cell: (c) => (
      <span className="flex flex-wrap gap-1">
        {c.getValue().map((a) => (
          <Badge key={a} variant={a === "champion" ? "success" : "info"}>{a}</Badge>
        ))}
      </span>
    ),
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
  col.accessor("decision", {
    header: "Promotion decision",
    enableSorting: false,
    meta: { cellClassName: "min-w-72 max-w-md" },
    cell: (c) => <DecisionSummary decision={c.getValue()} />,
  }),
  col.accessor("family", { header: "Family" }),
  col.accessor("createdAt", { header: "Created", cell: (c) => formatDateTime(c.getValue()), meta: { cellClassName: "whitespace-nowrap" } }),
  col.accessor("runId", {
    header: "Run",
    enableSorting: false,
    cell: (c) => {
      const id = c.getValue();
      return id ? <Link href={`/runs/${id}`} aria-label={`training run ${shortId(id)}`} className="font-mono text-xs">{shortId(id)}</Link> : "—";
    },
  }),
  col.display({
    id: "actions",
    header: "Actions",
    cell: (c) => {
      const r = c.row.original;
      if (!r.canAdmin || r.aliases.includes("champion")) return null;
      const vs = r.champion ? ` (${r.metricLabel} ${formatMetric(r.metricValue)} vs ${formatMetric(r.champion.value)} of v${r.champion.version}, each on its own test set)` : "";
      return (
        <AliasActionButton
          model={r.model}
          action="promote"
          version={r.version}
          label={`Promote v${r.version} to champion`}
          description={`v${r.version} becomes the champion of ${r.model}${r.champion ? `, replacing v${r.champion.version}` : ""}${vs}.`}
        />
      );
    },
  }),
]);

export function VersionsTable({ versions }: { versions: VersionRowView[] }) {
  return <DataTable caption="Versions" columns={columns} data={versions} getRowId={(r) => String(r.version)} columnMenu={false} initialSorting={[{ id: "version", desc: true }]} />;
}
