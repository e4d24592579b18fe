"use client";

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { CHART_AXIS, CHART_COLORS, CHART_GRID, CHART_TOOLTIP } from "../components/chart-theme.ts";
import { formatTooltipTime, timeDomain, timeXAxisProps } from "../components/chart-time.ts";

/** One scoring run on the trend: epoch ms and the proxy numbers in percent (null when the run scored nobody). */
export interface ScoreProxyPoint {
  t: number;
  mean: number | null;
  p50: number | null;
  p90: number | null;
  p99: number | null;
  highRisk: number | null;
}

const SERIES = [
  { key: "mean", name: "Mean" },
  { key: "p50", name: "p50" },
  { key: "p90", name: "p90" },
  { key: "p99", name: "p99" },
  { key: "highRisk", name: "High-risk rate" },
] as const;

/**
 * The score proxy over time: how the churn probabilities of each scoring run are spread, and the share at or above
 * the high-risk threshold, on a real time axis (gaps between runs are to scale). All in percent, one axis: a
 * probability of 0.42 and a 42% rate read the same way. Framed by a ChartCard (name and data table).
 */
export function ScoreProxyChart({ points }: { points: readonly ScoreProxyPoint[] }) {
  const domain = timeDomain(points.map((p) => p.t));
  return (
    <ResponsiveContainer width="100%" height="100%">
      <LineChart data={[...points]} margin={{ top: 8, right: 16, bottom: 24, left: 8 }} accessibilityLayer={false}>
        <CartesianGrid strokeDasharray="3 3" stroke={CHART_GRID} />
        <XAxis {...timeXAxisProps(domain, "Scored at (UTC)")} />
        <YAxis unit="%" domain={[0, 100]} width={48} tick={CHART_AXIS} />
        <Tooltip {...CHART_TOOLTIP} labelFormatter={(t) => formatTooltipTime(Number(t))} formatter={(v) => `${Number(v).toFixed(1)}%`} />
        <Legend verticalAlign="top" height={28} wrapperStyle={{ fontSize: 12 }} />
        {SERIES.map((s, i) => (
          <Line
            key={s.key}
            type="linear"
            dataKey={s.key}
            name={s.name}
            stroke={CHART_COLORS[i % CHART_COLORS.length]}
            strokeWidth={2}
            strokeDasharray={s.key === "highRisk" ? "6 3" : undefined}
            dot
            connectNulls
            isAnimationActive={false}
          />
        ))}
      </LineChart>
    </ResponsiveContainer>
  );
}
