"use client";

import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";
import { formatTooltipTime, timeDomain, timeTickFormatter } from "./components/chart-time.ts";

export interface RejectedPoint {
  /** epoch ms of the load's validation */
  t: number;
  rejectedRows: number;
  sources: string;
}

/** Rejected rows per validated load on a real time axis (gaps between loads are gaps on the axis). */
export function RejectedRowsChart({ points }: { points: readonly RejectedPoint[] }) {
  const domain = timeDomain(points.map((p) => p.t));
  return (
    <BarChart responsive data={[...points]} style={{ width: "100%", height: "100%" }} margin={{ top: 8, right: 16, bottom: 20, left: 8 }}>
      <CartesianGrid strokeDasharray="3 3" vertical={false} />
      <XAxis
        dataKey="t"
        type="number"
        scale="time"
        domain={domain}
        tickFormatter={timeTickFormatter(domain)}
        minTickGap={24}
        label={{ value: "Load time (UTC)", position: "insideBottom", offset: -12 }}
      />
      <YAxis allowDecimals={false} width={64} label={{ value: "Rejected rows", angle: -90, position: "insideLeft", style: { textAnchor: "middle" } }} />
      <Tooltip
        labelFormatter={(t) => formatTooltipTime(Number(t))}
        formatter={(v, _name, item) => [`${Number(v).toLocaleString("en")} rows`, `Rejected (${(item.payload as RejectedPoint).sources})`]}
      />
      <Bar dataKey="rejectedRows" name="Rejected rows" fill="var(--chart-4)" maxBarSize={18} isAnimationActive={false} />
    </BarChart>
  );
}
