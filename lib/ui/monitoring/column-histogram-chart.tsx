"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { CHART_AXIS, CHART_COLORS, CHART_GRID, CHART_TOOLTIP } from "../components/chart-theme.ts";
import type { HistogramBinRow } from "./histogram-bins.ts";

const shortLabel = (s: string) => (s.length > 14 ? `${s.slice(0, 13)}…` : s);

/**
 * Reference vs current share of rows per bin, bars side by side. Bins run down the side (horizontal bars) so bin
 * labels and category names stay readable on a phone. Framed by a ChartCard (name and data table).
 */
export function ColumnHistogramChart({ rows }: { rows: readonly HistogramBinRow[] }) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={[...rows]} layout="vertical" margin={{ top: 4, right: 16, bottom: 16, left: 8 }} accessibilityLayer={false} barCategoryGap="20%">
        <CartesianGrid strokeDasharray="3 3" stroke={CHART_GRID} horizontal={false} />
        <XAxis type="number" unit="%" tick={CHART_AXIS} allowDecimals />
        <YAxis type="category" dataKey="bin" width={96} tick={CHART_AXIS} tickFormatter={shortLabel} interval={0} />
        <Tooltip {...CHART_TOOLTIP} formatter={(v) => `${Number(v).toFixed(2)}%`} />
        <Legend verticalAlign="top" height={28} wrapperStyle={{ fontSize: 12 }} />
        <Bar dataKey="reference" name="Reference" fill={CHART_COLORS[0]} isAnimationActive={false} />
        <Bar dataKey="current" name="Current" fill={CHART_COLORS[1]} isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}
