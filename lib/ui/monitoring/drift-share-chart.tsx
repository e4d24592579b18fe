"use client";

import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { CHART_AXIS, CHART_COLORS, CHART_GRID, CHART_TOOLTIP } from "../components/chart-theme.ts";
import { formatTooltipTime, timeDomain, timeXAxisProps } from "../components/chart-time.ts";

/** One drift check: epoch ms, the share of drifted columns and the threshold it was judged by, in percent. */
export interface DriftSharePoint {
  t: number;
  share: number;
  threshold: number;
}

/**
 * Share of drifted columns per drift check on a real time axis, with the dataset-drift threshold as a dashed line
 * (the latest check's; the data table lists each check's own). Framed by a ChartCard (name and data table).
 */
export function DriftShareChart({ points }: { points: readonly DriftSharePoint[] }) {
  const domain = timeDomain(points.map((p) => p.t));
  const threshold = points.at(-1)?.threshold;
  return (
    <ResponsiveContainer width="100%" height="100%">
      <LineChart data={[...points]} margin={{ top: 8, right: 16, bottom: 24, left: 8 }} accessibilityLayer={false}>
        <CartesianGrid strokeDasharray="3 3" stroke={CHART_GRID} />
        <XAxis {...timeXAxisProps(domain, "Checked at (UTC)")} />
        <YAxis unit="%" domain={[0, 100]} width={48} tick={CHART_AXIS} />
        <Tooltip {...CHART_TOOLTIP} labelFormatter={(t) => formatTooltipTime(Number(t))} formatter={(v) => `${Number(v).toFixed(1)}%`} />
        <Legend verticalAlign="top" height={28} wrapperStyle={{ fontSize: 12 }} />
        {threshold !== undefined && (
          <ReferenceLine y={threshold} stroke={CHART_COLORS[3]} strokeDasharray="6 3" label={{ value: `threshold ${threshold}%`, position: "insideTopRight", fill: CHART_AXIS.fill, fontSize: 12 }} />
        )}
        <Line type="linear" dataKey="share" name="Drifted columns" stroke={CHART_COLORS[0]} strokeWidth={2} dot isAnimationActive={false} />
      </LineChart>
    </ResponsiveContainer>
  );
}
