"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { CHART_AXIS, CHART_GRID, CHART_TOOLTIP } from "./components/chart-theme.ts";
import { formatCount } from "./format.ts";

/** Horizontal bars: how many rejected rows (matching the filters) each reason code has. Framed by a ChartCard. */
export function RejectsReasonChart({ counts }: { counts: readonly { reasonCode: string; count: number }[] }) {
  const data = counts.map((c) => ({ reasonCode: c.reasonCode, count: c.count }));
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart layout="vertical" data={data} margin={{ top: 4, right: 16, bottom: 24, left: 4 }} accessibilityLayer={false}>
        <CartesianGrid strokeDasharray="3 3" horizontal={false} stroke={CHART_GRID} />
        <XAxis type="number" allowDecimals={false} tick={CHART_AXIS} tickFormatter={(v: number) => formatCount(v)} label={{ value: "Rejected rows", position: "insideBottom", offset: -16, fill: CHART_AXIS.fill, fontSize: 12 }} />
        <YAxis type="category" dataKey="reasonCode" width={168} tick={{ ...CHART_AXIS, fontSize: 11 }} />
        <Tooltip {...CHART_TOOLTIP} formatter={(v) => [formatCount(Number(v)), "rejected rows"]} />
        <Bar dataKey="count" name="rejected rows" fill="var(--chart-4)" isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}
